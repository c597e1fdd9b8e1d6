import Contracts
import TensorKit

/// Part 2 — multi-head self-attention of a Vision Transformer: bidirectional, no mask.
///
/// `x` `[B, N, C]` → `qkv(x)` `[B, N, 3C]` → `[B, N, 3, H, D]` → `[3, B, H, N, D]` → q, k, v →
/// `weights = softmax(q·kᵀ/√D)` `[B, H, N, N]` → `weights·v` `[B, H, N, D]` → `[B, N, C]` → `proj`.
/// `D = C / H`.
public final class ViTAttention: ViTSelfAttention {
    public let embedDim: Int
    public let numHeads: Int
    public let headDim: Int
    /// Q, K and V for all heads in one projection, `C → 3C`.
    public let qkv: Linear
    public let proj: Linear

    public init(embedDim: Int = 768, numHeads: Int = 12) {
        self.embedDim = embedDim
        self.numHeads = numHeads
        self.headDim = embedDim / numHeads
        qkv = Linear(embedDim, 3 * embedDim)
        proj = Linear(embedDim, embedDim)
    }

    // ANCHOR: vit-attention
    public func callAsFunction(_ x: Tensor) -> (output: Tensor, weights: Tensor) {
        let B = x.dim(0), N = x.dim(1)
        let projected = qkv(x).reshaped(B, N, 3, numHeads, headDim)
        func take(_ which: Int) -> Tensor { projected.select(2, which).transposed(1, 2) }
        let attended = Pieces.attention(q: take(0), k: take(1), v: take(2), mask: nil)
        var merged = attended.output.transposed(1, 2)
        merged = merged.contiguous().reshaped(B, N, numHeads * headDim)
        return (output: proj(merged), weights: attended.weights)
    }
    // ANCHOR_END: vit-attention
}
