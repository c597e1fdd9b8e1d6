import Models
import TensorKit

/// `vlm-course analyze` in a terminal: a caption, the rollout over the picture the model saw beside
/// the last layer's class-token map, the mean attention distance per layer with one mark per head
/// (Dosovitskiy et al.'s figure 7, layers down the page), and the entropy as a layer × head table.
/// Lesson 4's cells show the three parts one at a time, from the tables their pieces return.
public enum AnalysisText {
    public static func render(_ analysis: AttentionAnalysis, run: ViTRun, style: TerminalStyle) -> String {
        let (L, H) = (analysis.entropy.dim(0), analysis.entropy.dim(1))
        return "\(analysis.modelName) (\(run.family.rawValue)) on \(run.inputName), \(run.picture.width)×\(run.picture.height): "
            + "\(analysis.gridHeight)×\(analysis.gridWidth) patches of \(analysis.patchSize) px, \(run.tokens) tokens, "
            + "\(L) layers × \(H) heads\n\n"
            + rollout(analysis.rollout, run: run, style: style) + "\n"
            + distance(analysis.meanDistance, run: run, style: style) + "\n"
            + entropy(analysis.entropy, run: run, style: style)
    }

    /// The picture, layer L − 1's class-token map (mean of heads) and `rollout` `[gh, gw]`, drawn over
    /// the picture (`PhotoOverlayText`), 32 columns each and as many to a row as fit (at most three),
    /// each map scaled to its own maximum.
    public static func rollout(_ rollout: Tensor, run: ViTRun, style: TerminalStyle) -> String {
        let L = run.attentions.count
        let lastLayer = run.attentions[L - 1][index: 0].select(1, 0).slice(1, 1..<run.tokens)    // [H, N]
            .mean(axis: 0).reshaped(run.gridHeight, run.gridWidth)
        return "Rollout through all \(L) layers beside layer \(L - 1)'s own class-token map (mean of\n"
            + "heads); each map scaled to its maximum\n"
            + PhotoOverlayText.render([PhotoOverlayPanel(title: "picture", map: nil),
                                       PhotoOverlayPanel(title: "layer \(L - 1), mean of heads", map: lastLayer),
                                       PhotoOverlayPanel(title: "rollout", map: rollout)],
                                      over: run.picture, perRow: Swift.min(3, Swift.max(1, (style.width + 1) / 33)),
                                      colors: style.colors, backdrop: PhotoBackdrop(photo: run.picture))
    }

    /// The mean attention distance chart of `table` `[L, H]`, in pixels.
    public static func distance(_ table: Tensor, run: ViTRun, style: TerminalStyle) -> String {
        DistanceChartText.render(table, imageSide: run.picture.width, style: style)
    }

    /// The entropy heat table of `table` `[L, H]`, on the scale 0 … ln T.
    public static func entropy(_ table: Tensor, run: ViTRun, style: TerminalStyle) -> String {
        EntropyTableText.render(table, tokens: run.tokens, style: style)
    }
}
