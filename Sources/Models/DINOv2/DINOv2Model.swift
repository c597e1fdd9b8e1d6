// DINOv2 ViT (Oquab et al., "DINOv2: Learning Robust Visual Features without Supervision", 2023),
// following Hugging Face transformers' `Dinov2Model` (eager attention, no register tokens).
import TensorKit

/// What a forward pass returns.
public struct DINOv2Output: Sendable {
    /// `[B, 1 + h·w, C]` after the final LayerNorm; token 0 is the class token.
    public let lastHiddenState: Tensor
    /// Attention probabilities of every layer, each `[B, H, 1 + h·w, 1 + h·w]` (rows sum to 1).
    public let attentions: [Tensor]
    /// The patch grid `h × w` (`H / P`, `W / P`).
    public let gridHeight: Int, gridWidth: Int
}

/// The DINOv2 vision transformer:
///
///     x₀ = Embeddings(pixels)                [B, 3, H, W] → [B, T, C],  T = 1 + (H/P)·(W/P)
///     xₗ = Blockₗ(xₗ₋₁)                      l = 1 … L (pre-norm, LayerScale)
///     out = LayerNorm(x_L)                   [B, T, C]
///
/// Any input whose sides are multiples of `P = 14` works: the position table is interpolated
/// bicubically from its `G × G` grid (37 × 37 for 518-pixel training) to `H/P × W/P`.
///
/// Sendable because it is immutable after `init`: its layers are internal constants, never reassigned.
public final class DINOv2Model: @unchecked Sendable {
    public let config: DINOv2Config
    let embeddings: DINOv2Embeddings
    let blocks: [PreNormBlock]
    let layerNorm: LayerNorm

    /// Builds the model; throws for a missing or misshapen weight, naming it.
    public init(weights: DINOv2Weights) throws(DINOv2Error) {
        config = weights.config
        embeddings = try DINOv2Embeddings(weights: weights)
        var blocks: [PreNormBlock] = []
        for l in 0..<config.layerCount { blocks.append(try PreNormBlock(dinov2: weights, layer: l)) }
        self.blocks = blocks
        let C = config.hiddenSize
        layerNorm = LayerNorm(weight: try weights.tensor("layernorm.weight", [C]),
                              bias: try weights.tensor("layernorm.bias", [C]), eps: config.layerNormEps)
    }

    /// Runs `pixels` `[B, 3, H, W]` (normalised; `H`, `W` multiples of `P`) through the model.
    /// With `keepAttentions: false` the attention list is empty (saves `L·B·H·T²` floats).
    public func callAsFunction(_ pixels: Tensor, keepAttentions: Bool = true) -> DINOv2Output {
        let P = config.patchSize
        precondition(pixels.rank == 4 && pixels.dim(1) == 3 && pixels.dim(2) >= P && pixels.dim(3) >= P,
                     "DINOv2: pixels must be [B, 3, H, W] with H, W ≥ \(P), got \(pixels.shape)")
        var x = embeddings(pixels)                                   // [B, T, C]
        var attentions: [Tensor] = []
        for block in blocks {
            let (output, attention) = block(x)                       // [B, T, C], [B, H, T, T]
            x = output
            if keepAttentions { attentions.append(attention) }
        }
        return DINOv2Output(lastHiddenState: layerNorm(x), attentions: attentions,
                            gridHeight: pixels.dim(2) / P, gridWidth: pixels.dim(3) / P)
    }
}
