// Port of transformers' CLIPVisionModel (src/transformers/models/clip/modeling_clip.py) with eager
// attention. Paper: Radford et al. 2021, "Learning Transferable Visual Models From Natural Language
// Supervision", whose image tower is the ViT of Dosovitskiy et al. 2020, "An Image is Worth 16x16 Words".
import Foundation
import Solutions
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
    private let layers: [Vision.EncoderLayer]
    private let postLayerNorm: LayerNorm

    /// Loads the vision tower of `checkpoint`, checking every tensor's shape against its config.
    public init(checkpoint: CLIPCheckpoint) throws {
        let config = checkpoint.config
        self.config = config
        let weights = Vision.Weights(checkpoint: checkpoint, prefix: "")
        embeddings = try Vision.Embeddings(weights.scoped("embeddings."), config)
        preLayerNorm = try weights.layerNorm("pre_layrnorm.", config)
        layers = try (0..<config.numHiddenLayers).map { i in
            try Vision.EncoderLayer(weights.scoped("encoder.layers.\(i)."), config)
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

    // MARK: - Attention

    /// `CLIPAttention` with `eager_attention_forward`: multi-head self-attention, no mask. The core
    /// is the course's Part 1 `ScaledDotProductAttention` (transformers multiplies the scores by
    /// `D^-½` where it divides by `√D`: the same up to rounding, and exactly the same for D = 64).
    final class Attention {
        let numHeads: Int
        let queryProjection: Linear       // q_proj
        let keyProjection: Linear         // k_proj
        let valueProjection: Linear       // v_proj
        let outProjection: Linear         // out_proj

        init(_ weights: Weights, _ config: CLIPVisionConfig) throws {
            let C = config.hiddenSize
            numHeads = config.numAttentionHeads
            queryProjection = try weights.linear("q_proj.", C, C)
            keyProjection = try weights.linear("k_proj.", C, C)
            valueProjection = try weights.linear("v_proj.", C, C)
            outProjection = try weights.linear("out_proj.", C, C)
        }

        /// `x` `[B, T, C]` → output `[B, T, C]` and probabilities `[B, H, T, T]`.
        func callAsFunction(_ x: Tensor) -> (output: Tensor, weights: Tensor) {
            let (B, T, C) = (x.dim(0), x.dim(1), x.dim(2))
            let (H, D) = (numHeads, C / numHeads)
            // Split the width into heads; these are views, handed to BLAS without copies.
            let q = queryProjection(x).reshaped(B, T, H, D).transposed(1, 2)   // [B, H, T, D]
            let k = keyProjection(x).reshaped(B, T, H, D).transposed(1, 2)     // [B, H, T, D]
            let v = valueProjection(x).reshaped(B, T, H, D).transposed(1, 2)   // [B, H, T, D]
            // softmax(q·kᵀ/√D)·v for every head at once; no mask: every token sees every token.
            let (context, weights) = ScaledDotProductAttention.attention(q: q, k: k, v: v, mask: nil)
                                                                               // [B, H, T, D], [B, H, T, T]
            let merged = context.transposed(1, 2).reshaped(B, T, C)            // [B, T, C]
            return (outProjection(merged), weights)
        }
    }

    // MARK: - MLP

    /// `CLIPMLP`: `fc2(act(fc1(x)))`, `[B, T, C] → [B, T, F] → [B, T, C]` (F = `intermediate_size`, 4C in ViT-B).
    final class MLP {
        let fc1: Linear
        let activation: any Layer
        let fc2: Linear

        init(_ weights: Weights, _ config: CLIPVisionConfig) throws {
            fc1 = try weights.linear("fc1.", config.hiddenSize, config.intermediateSize)
            fc2 = try weights.linear("fc2.", config.intermediateSize, config.hiddenSize)
            switch config.hiddenAct {
            case .quickGELU: activation = QuickGELU()
            case .gelu: activation = GELU(approximate: .none)
            case .geluNew, .geluPyTorchTanh: activation = GELU(approximate: .tanh)
            }
        }

        func callAsFunction(_ x: Tensor) -> Tensor { fc2(activation(fc1(x))) }
    }

    // MARK: - Encoder layer

    /// `CLIPEncoderLayer`: pre-norm attention and MLP, each added back to the residual stream.
    final class EncoderLayer {
        let layerNorm1: LayerNorm
        let selfAttention: Attention
        let layerNorm2: LayerNorm
        let mlp: MLP

        init(_ weights: Weights, _ config: CLIPVisionConfig) throws {
            layerNorm1 = try weights.layerNorm("layer_norm1.", config)
            selfAttention = try Attention(weights.scoped("self_attn."), config)
            layerNorm2 = try weights.layerNorm("layer_norm2.", config)
            mlp = try MLP(weights.scoped("mlp."), config)
        }

        /// `h` `[B, T, C]` → `[B, T, C]`, plus this layer's attention probabilities `[B, H, T, T]`.
        func callAsFunction(_ h: Tensor) -> (output: Tensor, weights: Tensor) {
            let (attended, weights) = selfAttention(layerNorm1(h))
            let afterAttention = h + attended                   // [B, T, C]
            let output = afterAttention + mlp(layerNorm2(afterAttention))   // [B, T, C]
            return (output, weights)
        }
    }
}
