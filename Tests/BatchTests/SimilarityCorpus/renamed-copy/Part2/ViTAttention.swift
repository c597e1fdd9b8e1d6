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
    public func callAsFunction(_ input: Tensor) -> (output: Tensor, weights: Tensor) {
        let (bs, seq, width) = (input.dim(0), input.dim(1), input.dim(2))
        /* one fused projection, then split into the three tensors per head */
        let packed = self.qkv(input)
            .reshaped(bs, seq, 3, numHeads, headDim)
            .permuted(2, 0, 3, 1, 4)
        let query = packed.select(0, 0), key = packed.select(0, 1), value = packed.select(0, 2)
        let (ctx, attn) = Pieces.attention(q: query, k: key, v: value, mask: nil)   // bidirectional
        let joined = ctx.transposed(1, 2).reshaped(bs, seq, width)
        return (proj(joined), attn)
    }
    // ANCHOR_END: vit-attention
}
