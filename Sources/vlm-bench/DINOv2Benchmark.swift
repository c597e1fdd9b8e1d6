import Models
import TensorKit

extension Benchmarks {
    /// One DINOv2 ViT-S/14 forward pass (`dinov2-s14-forward-<size>`) on seeded `randn(1, 3, size, size)`,
    /// keeping every layer's attention as the course does. Flops count the matrix products only:
    /// per layer `8·T·C²` (q, k, v, output) + `4·T·C·M` (MLP) + `4·T²·C` (scores and context), plus the
    /// patch projection `2·N·3P²·C`.
    static func dinov2(size: Int) -> Benchmark {
        let c = DINOv2Config()
        let n = (size / c.patchSize) * (size / c.patchSize), t = Double(n + 1)
        let (C, M) = (Double(c.hiddenSize), Double(c.mlpSize))
        let perLayer = 8 * t * C * C + 4 * t * C * M + 4 * t * t * C
        let flops = Double(c.layerCount) * perLayer + 2 * Double(n * 3 * c.patchSize * c.patchSize) * C
        return Benchmark(name: "dinov2-s14-forward-\(size)", flops: flops, bytes: nil) {
            let model = try DINOv2Pretrained.load()
            let pixels = random([1, 3, size, size], seed: 42)
            return { _ = model(pixels) }
        }
    }
}
