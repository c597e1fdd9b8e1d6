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
        let shape = x.shape
        let (b, n, c) = (shape[0], shape[1], shape[2])
        let heads = qkv(x).reshaped([b, n, 3, numHeads, c / numHeads]).permuted([2, 0, 3, 1, 4])
        let parts = (0..<3).map { heads.select(0, $0) }
        let result = Pieces.attention(q: parts[0], k: parts[1], v: parts[2], mask: nil)
        let back = result.output.permuted([0, 2, 1, 3]).reshaped([b, n, c])
        return (proj(back), result.weights)
    }
    // ANCHOR_END: vit-attention
}
