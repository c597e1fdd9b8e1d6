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
        let width = x.dim(2)
        let packed = qkv(x)
        var headOutputs: [Tensor] = []
        var headWeights: [Tensor] = []
        for h in 0..<numHeads {
            let lo = h * headDim
            let qh = packed.slice(2, lo..<(lo + headDim))
            let kh = packed.slice(2, (width + lo)..<(width + lo + headDim))
            let vh = packed.slice(2, (2 * width + lo)..<(2 * width + lo + headDim))
            let r = Pieces.attention(q: qh, k: kh, v: vh, mask: nil)
            headOutputs.append(r.output)
            headWeights.append(r.weights)
        }
        let joined = Tensor.cat(headOutputs, axis: 2)
        let attn = Tensor.stack(headWeights, axis: 1)
        return (output: proj(joined), weights: attn)
    }
    // ANCHOR_END: vit-attention
}
