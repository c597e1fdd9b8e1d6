import Foundation
import Models
import TensorKit

extension Figure {
    /// `vlm-course analyze --png`: the rollout over the picture the model saw, the mean attention
    /// distance per layer with one mark per head (Dosovitskiy et al. 2021, figure 7), and the entropy
    /// as a layer × head heatmap from 0 to `ln T`.
    public static func attentionAnalysis(_ analysis: AttentionAnalysis, run: ViTRun) -> Figure {
        let (L, H) = (analysis.entropy.dim(0), analysis.entropy.dim(1))
        let tokens = 1 + analysis.gridHeight * analysis.gridWidth
        let farthest = Double(analysis.meanDistance.scalars.filter(\.isFinite).max() ?? 1)
        let step = Ticks.niceStep(span: Swift.max(farthest, 1), maxCount: 7)
        let rollout = Panel(title: "Rollout: class token ← patches", xLabel: "patch column", yLabel: "patch row",
                            data: analysis.rollout.rows, vmin: 0, vmax: Swift.max(analysis.rollout.max(), 1e-12),
                            colorMap: .inferno, hasColorBar: false, backdrop: PhotoBackdrop(photo: run.picture))
        let distance = Panel(title: "Mean attention distance", xLabel: "layer", yLabel: "pixels",
                             data: analysis.meanDistance.rows, vmin: 0, vmax: Float((Swift.max(farthest, 1) / step).rounded(.up) * step),
                             colorMap: .inferno, hasColorBar: false, style: .marksPerColumn(legendPrefix: "head"))
        let entropy = Panel(title: "Attention entropy (nats)", xLabel: "head", yLabel: "layer",
                            data: analysis.entropy.rows, vmin: 0, vmax: Float(log(Double(tokens))), colorMap: .blues)
        return Figure(name: "attention-analysis", seed: nil,
                      suptitle: "\(analysis.modelName) on \(run.inputName), \(run.picture.width) px: "
                        + "\(L) layers × \(H) heads, \(analysis.gridHeight)×\(analysis.gridWidth) patches of \(analysis.patchSize) px",
                      panels: [rollout, distance, entropy], gridColumns: 3, size: Figure.Size(width: 18, height: 6),
                      notes: ["Rollout: Abnar & Zuidema (2020); mean attention distance: Dosovitskiy et al. (2021), figure 7."])
    }
}
