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
        // let (B, N, C) = (x.dim(0), x.dim(1), x.dim(2))

        // TODO: Compute Q, K, V from the single projection:
        // 1. qkv(x):                     [B, N, C]          -> [B, N, 3C]
        // 2. reshaped(B, N, 3, H, D):    [B, N, 3C]         -> [B, N, 3, H, D]
        // 3. permuted(2, 0, 3, 1, 4):    [B, N, 3, H, D]    -> [3, B, H, N, D]
        // 4. q, k, v = select(0, 0), select(0, 1), select(0, 2), each [B, H, N, D]

        // TODO: Attention with NO mask — every patch attends to every patch (bidirectional).
        // `Pieces.attention(q:k:v:mask:)` is your scaled dot-product attention from Part 1.
        // weights: [B, H, N, N], out: [B, H, N, D]

        // TODO: Merge the heads back and project:
        // transposed(1, 2): [B, H, N, D] -> [B, N, H, D]; reshaped(B, N, C) -> [B, N, C]; then proj.
        todo("vit-attention")
    }
    // ANCHOR_END: vit-attention
}
