import Figures
import Foundation
import Models

/// Lesson 4's analysis cells: rollout, mean attention distance and entropy of the pretrained
/// DINOv2 on coffee.png, computed by the reference versions of Part 4's three pieces.
enum Part4AnalysisCells {
    static let all = [
        DemoCell("part4.rollout") { out in
            do {
                // ANCHOR: part4.rollout
                let model = try PretrainedViT.load(directory: nil)      // DINOv2 ViT-S/14
                let run = try ViTRun(model, input: .sample, size: 224)   // coffee.png, 257 tokens
                let analysis = AttentionAnalysis(run)        // rollout, distance, entropy

                let text = AnalysisText.rollout(analysis, run: run, style: out.style)
                out.print(text, terminator: "")
                // ANCHOR_END: part4.rollout
            } catch {
                out.paragraph(withoutDownload(error))
            }
        },
        DemoCell("part4.distance") { out in
            do {
                // ANCHOR: part4.distance
                let model = try PretrainedViT.load(directory: nil)
                let run = try ViTRun(model, input: .sample, size: 224)
                let analysis = AttentionAnalysis(run)

                let text = AnalysisText.distance(analysis, run: run, style: out.style)
                out.print(text, terminator: "")
                // ANCHOR_END: part4.distance
            } catch {
                out.paragraph(withoutDownload(error))
            }
        },
        DemoCell("part4.entropy") { out in
            do {
                // ANCHOR: part4.entropy
                let model = try PretrainedViT.load(directory: nil)
                let run = try ViTRun(model, input: .sample, size: 224)
                let analysis = AttentionAnalysis(run)

                out.print(AnalysisText.entropy(analysis, style: out.style), terminator: "")
                // ANCHOR_END: part4.entropy
            } catch {
                out.paragraph(withoutDownload(error))
            }
        },
    ]

    /// What the cells print instead when the model or the photo is not downloaded yet.
    static func withoutDownload(_ error: any Error) -> String {
        guard error is PretrainedViTError else { return Part4Cells.withoutDownload(error) }
        return "\(error)" + ("\(error)".hasSuffix(".") ? "" : ".")
            + " Then this cell shows the analysis, and `vlm-course analyze` runs it on any photo (--image FILE)."
    }
}

extension CellOutput {
    /// The terminal style figures use in this cell: colour as `show(_:)` picks it, the cell's width.
    var style: TerminalStyle {
        let depth = TerminalStyle.detect(plain: false, environment: ProcessInfo.processInfo.environment,
                                         isTerminal: true, terminalColumns: width).colors
        return TerminalStyle(colors: color ? depth : .plain, width: width)
    }
}
