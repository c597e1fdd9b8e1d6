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
        let width = q.dim(-1)
        /* scale so that the logits stay around unit variance */
        var logits = q.matmul(k.transposed()) / Float(width).squareRoot()
        if let mask { logits = logits.maskedFill(mask, -.infinity) }   // blocked keys -> -inf
        let attn = logits.softmax(axis: -1)
        let result = attn.matmul(v)
        return (result, attn)
    }
    // ANCHOR_END: scaled-dot-product-attention
}
