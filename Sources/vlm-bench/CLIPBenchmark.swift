import Foundation
import Images
import Models
import TensorKit

/// The CLIP ViT-B/16 forward pass (with attentions) on the notebook's 224×224 gradient image.
enum CLIPBenchmark {
    static let name = "clip-vit-b16-forward"

    /// Floating-point operations of one forward pass: patchify, then per layer the four C×C
    /// projections, the two MLP matrices and the two attention products (2 flops per multiply-add).
    static func flops(_ c: CLIPVisionConfig) -> Double {
        let (T, C, F) = (Double(c.numPositions), Double(c.hiddenSize), Double(c.intermediateSize))
        let patchify = 2 * (T - 1) * C * Double(c.numChannels * c.patchSize * c.patchSize)
        let perLayer = 2 * T * C * (4 * C) + 2 * T * C * F * 2 + 2 * 2 * T * T * C
        return patchify + Double(c.numHiddenLayers) * perLayer
    }

    /// Loads the checkpoint in `directory` (memory-mapped) and times `model(pixels)`.
    static func benchmark(directory: URL) throws -> Benchmark {
        nonisolated(unsafe) let model = try CLIPVisionModel(directory: directory)
        let pixels = CLIPImageProcessor(size: model.config.imageSize)(RGBImage.notebookGradient())
        return Benchmark(name: name, flops: flops(model.config), bytes: nil) {
            { _ = model(pixels) }
        }
    }

    /// Writes a random openai/clip-vit-base-patch16-shaped vision checkpoint into `directory`.
    static func writeCheckpoint(to directory: URL) throws {
        let config = CLIPVisionConfig.vitBasePatch16
        try CLIPCheckpoint.write(CLIPCheckpoint.randomWeights(config, seed: 16), config: config, to: directory)
    }
}
