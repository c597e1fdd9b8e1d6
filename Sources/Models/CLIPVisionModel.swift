// Port of transformers' CLIPVisionModel (src/transformers/models/clip/modeling_clip.py) with eager
// attention. Paper: Radford et al. 2021, "Learning Transferable Visual Models From Natural Language
// Supervision", whose image tower is the ViT of Dosovitskiy et al. 2020, "An Image is Worth 16x16 Words".
import Foundation
import TensorKit

/// Everything `CLIPVisionModel(pixel_values, output_hidden_states=True, output_attentions=True)`
/// returns. Shapes: `B` batch, `T` tokens (class token + `N` patches), `C` width, `H` heads.
public struct CLIPVisionOutput: Sendable {
    /// `[B, T, C]`: the last encoder layer's output (not post-normed).
    public let lastHiddenState: Tensor
    /// `[B, C]`: `post_layernorm(lastHiddenState[:, 0])`, the class token.
    public let poolerOutput: Tensor
    /// `L + 1` tensors `[B, T, C]`: entry 0 is the output of `pre_layrnorm`, entry `i` that of layer `i`.
    public let hiddenStates: [Tensor]
    /// `L` tensors `[B, H, T, T]`: each layer's attention probabilities; every row (query) sums to 1.
    public let attentions: [Tensor]
}

/// The CLIP image encoder: a pre-norm Vision Transformer.
///
///     x = patch_embedding(pixels)            [B, N, C]    Conv2d(3, C, P, stride P, no bias)
///     x = [class_embedding; x] + position    [B, T, C]
///     h = pre_layrnorm(x)
///     for each layer:  h = h + attn(layer_norm1(h));  h = h + mlp(layer_norm2(h))
///     pooled = post_layernorm(h[:, 0])       [B, C]
///
/// Attention is `softmax(q·kᵀ · D^-½) · v` per head, with no mask: every patch sees every patch.
public final class CLIPVisionModel {
    public let config: CLIPVisionConfig
    private let embeddings: Vision.Embeddings
    private let preLayerNorm: LayerNorm
    private let layers: [PreNormBlock]
    private let postLayerNorm: LayerNorm

    /// Loads the vision tower of `checkpoint`, checking every tensor's shape against its config.
    public init(checkpoint: CLIPCheckpoint) throws {
        let config = checkpoint.config
        self.config = config
        let weights = Vision.Weights(checkpoint: checkpoint, prefix: "")
        embeddings = try Vision.Embeddings(weights.scoped("embeddings."), config)
        preLayerNorm = try weights.layerNorm("pre_layrnorm.", config)
        layers = try (0..<config.numHiddenLayers).map { i in
            try Vision.encoderLayer(weights.scoped("encoder.layers.\(i)."), config)
        }
        postLayerNorm = try weights.layerNorm("post_layernorm.", config)
    }

    /// Loads the checkpoint directory `directory` (see `CLIPCheckpoint`).
    public convenience init(directory: URL) throws {
        try self.init(checkpoint: CLIPCheckpoint(directory: directory))
    }

    /// The input shape this model accepts for a batch of `batch` images: `[B, channels, size, size]`.
    public func inputShape(batch: Int = 1) -> [Int] {
        [batch, config.numChannels, config.imageSize, config.imageSize]
    }

    /// Runs the tower on `pixelValues` `[B, 3, S, S]` (normalised, see `CLIPImageProcessor`).
    public func callAsFunction(_ pixelValues: Tensor) -> CLIPVisionOutput {
        precondition(pixelValues.rank == 4 && pixelValues.shape == inputShape(batch: pixelValues.dim(0)),
                     "CLIPVisionModel: pixel values must be \(inputShape(batch: 1)) (any batch), got \(pixelValues.shape)")
        var h = preLayerNorm(embeddings(pixelValues))        // [B, T, C]
        var hiddenStates = [h]
        var attentions: [Tensor] = []
        for layer in layers {
            let (output, weights) = layer(h)                 // [B, T, C], [B, H, T, T]
            h = output
            hiddenStates.append(h)
            attentions.append(weights)
        }
        let pooled = postLayerNorm(h.select(1, 0))           // [B, C]
        return CLIPVisionOutput(lastHiddenState: h, poolerOutput: pooled, hiddenStates: hiddenStates,
                                attentions: attentions)
    }
}

private enum Vision {
    // MARK: - Weights

    /// Reads tensors named `prefix + name` from the checkpoint, with the shapes the config implies.
    struct Weights {
        let checkpoint: CLIPCheckpoint
        let prefix: String

        func scoped(_ more: String) -> Weights { Weights(checkpoint: checkpoint, prefix: prefix + more) }

        func tensor(_ name: String, _ shape: [Int]) throws -> Tensor {
            try checkpoint.tensor(prefix + name, shape: shape)
        }

        /// `nn.Linear(inFeatures, outFeatures)`: weight `[out, in]`, bias `[out]`.
        func linear(_ name: String, _ inFeatures: Int, _ outFeatures: Int) throws -> Linear {
            Linear(weight: try tensor(name + "weight", [outFeatures, inFeatures]),
                   bias: try tensor(name + "bias", [outFeatures]))
        }

        /// `nn.LayerNorm(C, eps)`: weight and bias `[C]`.
        func layerNorm(_ name: String, _ config: CLIPVisionConfig) throws -> LayerNorm {
            let C = config.hiddenSize
            return LayerNorm(weight: try tensor(name + "weight", [C]), bias: try tensor(name + "bias", [C]),
                             eps: config.layerNormEps)
        }
    }

    // MARK: - Embeddings

    /// `CLIPVisionEmbeddings`: patchify, prepend the class token, add learned positions.
    final class Embeddings {
        let classEmbedding: Tensor        // [C]
        let patchEmbedding: Conv2d        // [C, 3, P, P], no bias
        let positionEmbedding: Tensor     // [T, C]

        init(_ weights: Weights, _ config: CLIPVisionConfig) throws {
            let (C, P) = (config.hiddenSize, config.patchSize)
            classEmbedding = try weights.tensor("class_embedding", [C])
            patchEmbedding = Conv2d(
                weight: try weights.tensor("patch_embedding.weight", [C, config.numChannels, P, P]),
                bias: nil, stride: P)
            positionEmbedding = try weights.tensor("position_embedding.weight", [config.numPositions, C])
        }

        func callAsFunction(_ pixelValues: Tensor) -> Tensor {
            let B = pixelValues.dim(0), C = classEmbedding.dim(0)
            let patches = patchEmbedding(pixelValues)            // [B, C, √N, √N]
                .flattened(from: 2)                              // [B, C, N]
                .transposed(1, 2)                                // [B, N, C]
            let classToken = classEmbedding.expanded(to: [B, 1, C])  // [B, 1, C]
            return Tensor.cat([classToken, patches], axis: 1) + positionEmbedding  // [B, T, C]
        }
    }

    // MARK: - Encoder layer

    /// `CLIPEncoderLayer`: a `PreNormBlock` without LayerScale, with the configured activation.
    static func encoderLayer(_ weights: Weights, _ config: CLIPVisionConfig) throws -> PreNormBlock {
        let (C, F) = (config.hiddenSize, config.intermediateSize)
        let activation: FusedLinear.Tail = switch config.hiddenAct {
        case .quickGELU: .quickGELU
        case .gelu: .gelu
        case .geluNew, .geluPyTorchTanh: .geluTanh
        }
        return PreNormBlock(
            norm1: try weights.layerNorm("layer_norm1.", config), norm2: try weights.layerNorm("layer_norm2.", config),
            queryKeyValue: [try weights.linear("self_attn.q_proj.", C, C),
                            try weights.linear("self_attn.k_proj.", C, C),
                            try weights.linear("self_attn.v_proj.", C, C)],
            out: try weights.linear("self_attn.out_proj.", C, C),
            fc1: try weights.linear("mlp.fc1.", C, F), fc2: try weights.linear("mlp.fc2.", F, C),
            activation: activation, scale1: nil, scale2: nil, heads: config.numAttentionHeads)
    }
}
