import Figures
import Models

/// Lesson 4's analysis cells: rollout, mean attention distance and entropy of the pretrained
/// DINOv2 on coffee.png, each computed by its piece (the reference's, or the learner's once it
/// passes) and drawn by Figures' `AnalysisText`.
enum Part4AnalysisCells {
    static let all = [
        DemoCell("part4.rollout", uses: [.attentionRollout]) { out, pieces in
            let AttentionRollout = pieces.attentionRollout
            do {
                // ANCHOR: part4.rollout
                let model = try PretrainedViT.load(directory: nil)      // DINOv2 ViT-S/14
                let run = try ViTRun(model, input: .sample, size: 224)   // coffee.png, 257 tokens
                let attentions = run.layerAttentions                     // 12 × [6, 257, 257]
                let rollout = AttentionRollout.rollout(attentions, gridHeight: 16, gridWidth: 16)

                out.print(AnalysisText.rollout(rollout, run: run, style: out.style), terminator: "")
                // ANCHOR_END: part4.rollout
            } catch {
                out.paragraph(withoutDownload(error))
            }
        },
        DemoCell("part4.distance", uses: [.attentionDistance]) { out, pieces in
            let MeanAttentionDistance = pieces.attentionDistance
            do {
                // ANCHOR: part4.distance
                let model = try PretrainedViT.load(directory: nil)
                let run = try ViTRun(model, input: .sample, size: 224)
                let table = MeanAttentionDistance.meanDistance(run.layerAttentions, gridHeight: 16,
                                                               gridWidth: 16, patchSize: 14)   // [12, 6]

                out.print(AnalysisText.distance(table, run: run, style: out.style), terminator: "")
                // ANCHOR_END: part4.distance
            } catch {
                out.paragraph(withoutDownload(error))
            }
        },
        DemoCell("part4.entropy", uses: [.attentionEntropy]) { out, pieces in
            let AttentionEntropy = pieces.attentionEntropy
            do {
                // ANCHOR: part4.entropy
                let model = try PretrainedViT.load(directory: nil)
                let run = try ViTRun(model, input: .sample, size: 224)
                let table = AttentionEntropy.entropy(run.layerAttentions)   // [12, 6], nats

                out.print(AnalysisText.entropy(table, run: run, style: out.style), terminator: "")
                // ANCHOR_END: part4.entropy
            } catch {
                out.paragraph(withoutDownload(error))
            }
        },
    ]

    /// What the cells print instead when the model or the photo is not downloaded yet.
    static func withoutDownload(_ error: any Error) -> String {
        guard error is AttentionInputError else { return Part4Cells.withoutDownload(error) }
        return "\(error)" + ("\(error)".hasSuffix(".") ? "" : ".")
            + " Then this cell shows the analysis, and `vlm-course analyze` runs it on any photo (--image FILE)."
    }
}
