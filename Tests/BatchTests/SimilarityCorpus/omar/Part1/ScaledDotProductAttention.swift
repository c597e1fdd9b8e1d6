import Contracts
import TensorKit

/// Part 1 — scaled dot-product attention.
///
/// ```
/// weights = softmax(q·kᵀ / √D + M)     M = −∞ where mask is true
/// output  = weights · v
/// ```
/// - `q`: `[…, Tq, D]`, `k`: `[…, Tk, D]`, `v`: `[…, Tk, Dv]`; leading axes (`[B]` or `[B, H]`) broadcast.
/// - `mask`: broadcastable to `[…, Tq, Tk]`, true = masked.
/// - Returns `output` `[…, Tq, Dv]` and `weights` `[…, Tq, Tk]`.
public enum ScaledDotProductAttention: AttentionFunction {
    // ANCHOR: scaled-dot-product-attention
    public static func attention(q: Tensor, k: Tensor, v: Tensor, mask: Mask?) -> (output: Tensor, weights: Tensor) {
        let scale = 1 / Float(q.dim(-1)).squareRoot()
        let raw = (q * scale).matmul(k.transposed())
        let masked = mask.map { raw.maskedFill($0, -.infinity) } ?? raw
        let attn = masked.softmax(axis: -1)
        return (attn.matmul(v), attn)
    }
    // ANCHOR_END: scaled-dot-product-attention
}
