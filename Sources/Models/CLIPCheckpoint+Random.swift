import Foundation
import TensorKit

/// Random CLIP vision checkpoints, written with TensorKit's own safetensors writer (no PyTorch):
/// for tests of other shapes and for benchmarks at full size.
extension CLIPCheckpoint {
    /// Every vision-tower tensor name (without prefix) and the shape `config` implies, in the
    /// order `state_dict()` lists them. `C` width, `P` patch, `T` positions, `F` MLP width.
    public static func parameterShapes(_ config: CLIPVisionConfig) -> [(name: String, shape: [Int])] {
        let (C, P, F) = (config.hiddenSize, config.patchSize, config.intermediateSize)
        var shapes: [(name: String, shape: [Int])] = [
            ("embeddings.class_embedding", [C]),
            ("embeddings.patch_embedding.weight", [C, config.numChannels, P, P]),
            ("embeddings.position_embedding.weight", [config.numPositions, C]),
            ("pre_layrnorm.weight", [C]), ("pre_layrnorm.bias", [C]),
        ]
        for i in 0..<config.numHiddenLayers {
            let layer = "encoder.layers.\(i)."
            for projection in ["k_proj", "v_proj", "q_proj", "out_proj"] {
                shapes.append((layer + "self_attn.\(projection).weight", [C, C]))
                shapes.append((layer + "self_attn.\(projection).bias", [C]))
            }
            shapes += [(layer + "layer_norm1.weight", [C]), (layer + "layer_norm1.bias", [C]),
                       (layer + "mlp.fc1.weight", [F, C]), (layer + "mlp.fc1.bias", [F]),
                       (layer + "mlp.fc2.weight", [C, F]), (layer + "mlp.fc2.bias", [C]),
                       (layer + "layer_norm2.weight", [C]), (layer + "layer_norm2.bias", [C])]
        }
        shapes += [("post_layernorm.weight", [C]), ("post_layernorm.bias", [C])]
        return shapes
    }

    /// Random weights for `config`, seeded: normal with std `1/√fan_in` for matrices, 1 ± 0.1 for
    /// LayerNorm scales, std 0.1 for biases and embeddings.
    public static func randomWeights(_ config: CLIPVisionConfig, seed: UInt64 = 0) -> [String: Tensor] {
        let generator = RandomGenerator(seed: seed)
        var weights: [String: Tensor] = [:]
        for (name, shape) in parameterShapes(config) {
            let noise = generator.randn(shape)
            if shape.count > 1 {
                weights[name] = noise * (1 / Float(shape.dropFirst().reduce(1, *)).squareRoot())
            } else if name.contains("norm") && name.hasSuffix("weight") {
                weights[name] = noise * 0.1 + 1
            } else {
                weights[name] = noise * 0.1
            }
        }
        return weights
    }

    /// Writes `config.json` and `model.safetensors` for `weights` into `directory` (created if
    /// needed). `prefix` is prepended to every tensor name (e.g. `"vision_model."`).
    public static func write(_ weights: [String: Tensor], config: CLIPVisionConfig, prefix: String = "",
                             floatFormat: SafeTensors.FloatFormat = .f32, to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let json = try JSONSerialization.data(withJSONObject: config.jsonObject, options: [.prettyPrinted, .sortedKeys])
        try json.write(to: directory.appendingPathComponent("config.json"))
        let named = Dictionary(uniqueKeysWithValues: weights.map { (prefix + $0.key, $0.value) })
        try SafeTensors.write(named, metadata: ["format": "pt"], floatFormat: floatFormat,
                              to: directory.appendingPathComponent("model.safetensors"))
    }
}
