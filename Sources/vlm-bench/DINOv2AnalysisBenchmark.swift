import Models
import TensorKit

extension Benchmarks {
    /// `dinov2-analyze-<size>`: the forward pass of `dinov2-s14-forward-<size>` (same seeded input)
    /// plus Part 4's three analyses of its attentions (rollout, mean attention distance, entropy,
    /// by the reference pieces, as `vlm-course analyze` runs them). Compare with that benchmark for
    /// what the analyses add.
    static func dinov2Analysis(size: Int) -> Benchmark {
        Benchmark(name: "dinov2-analyze-\(size)", flops: nil, bytes: nil) {
            let model = try DINOv2Pretrained.load()
            let pixels = random([1, 3, size, size], seed: 42)
            return {
                let output = model(pixels)
                _ = AttentionAnalysis(attentions: output.attentions.map { $0[index: 0] }, gridHeight: output.gridHeight,
                                      gridWidth: output.gridWidth, patchSize: model.config.patchSize,
                                      modelName: PretrainedViT.courseModelName)
            }
        }
    }
}
