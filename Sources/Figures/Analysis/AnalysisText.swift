import Models
import TensorKit

/// `vlm-course analyze` in a terminal: a caption, the rollout over the picture the model saw beside
/// the last layer's class-token map, the mean attention distance per layer with one mark per head
/// (Dosovitskiy et al.'s figure 7, layers down the page), and the entropy as a layer × head table.
public enum AnalysisText {
    public static func render(_ analysis: AttentionAnalysis, run: ViTRun, style: TerminalStyle) -> String {
        let (L, H) = (analysis.entropy.dim(0), analysis.entropy.dim(1))
        let tokens = 1 + analysis.gridHeight * analysis.gridWidth
        var out = "\(analysis.modelName) (\(run.family.rawValue)) on \(run.inputName), \(run.picture.width)×\(run.picture.height): "
            + "\(analysis.gridHeight)×\(analysis.gridWidth) patches of \(analysis.patchSize) px, \(tokens) tokens, "
            + "\(L) layers × \(H) heads\n\n"
        out += "Rollout: how much the class token draws from each patch through all \(L) layers (residuals included),\n"
            + "beside layer \(L - 1)'s own class-token attention (mean of heads); each map scaled to its maximum\n"
        let lastLayer = run.attentions[L - 1][index: 0].select(1, 0).slice(1, 1..<tokens)    // [H, N]
            .mean(axis: 0).reshaped(analysis.gridHeight, analysis.gridWidth)
        out += HalfBlockOverlay.render([HalfBlockOverlay.Panel(title: "picture", map: nil),
                                        HalfBlockOverlay.Panel(title: "layer \(L - 1), mean of heads", map: lastLayer),
                                        HalfBlockOverlay.Panel(title: "rollout", map: analysis.rollout)],
                                       over: run.picture, perRow: style.width >= 98 ? 3 : 1, plain: style.colors == .plain)
        out += "\n" + DistanceChartText.render(analysis.meanDistance, imageSide: run.picture.width, style: style)
        out += "\n" + EntropyTableText.render(analysis.entropy, tokens: tokens, style: style)
        return out
    }
}
