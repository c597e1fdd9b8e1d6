import Contracts
import TensorKit

/// Part 2 — multi-head self-attention of a Vision Transformer: bidirectional, no mask.
///
/// `x` `[B, N, C]` → `qkv(x)` `[B, N, 3C]` → `[B, N, 3, H, D]` → `[3, B, H, N, D]` → q, k, v →
/// `weights = softmax(q·kᵀ/√D)` `[B, H, N, N]` → `weights·v` `[B, H, N, D]` → `[B, N, C]` → `proj`.
/// `D = C / H`.
public class ViTAttention {
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
        let (B, N, C) = (x.dim(0), x.dim(1), x.dim(2))

        // The 3C outputs are laid out as [q | k | v], each split into H heads of D features.
        let qkv = self.qkv(x)                          // [B, N, 3C]
            .reshaped(B, N, 3, numHeads, headDim)      // [B, N, 3, H, D]
            .permuted(2, 0, 3, 1, 4)                   // [3, B, H, N, D]
        let q = qkv.select(0, 0), k = qkv.select(0, 1), v = qkv.select(0, 2)  // [B, H, N, D] each

        // No mask: an image has no "future", so every patch attends to every patch.
        let (out, weights) = Pieces.attention(q: q, k: k, v: v, mask: nil)  // [B, H, N, D], [B, H, N, N]

        let merged = out.transposed(1, 2)              // [B, N, H, D]
            .reshaped(B, N, C)                         // [B, N, C]: heads side by side again
        return (proj(merged), weights)
    }
    // ANCHOR_END: vit-attention
}
