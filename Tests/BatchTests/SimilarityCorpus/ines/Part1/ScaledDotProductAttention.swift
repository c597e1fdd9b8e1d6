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
        let headWidth = Float(q.shape[q.rank - 1])
        var logits = q.matmul(k.transposed(-2, -1)) * (1 / headWidth.squareRoot())
        if mask != nil {
            logits = logits.maskedFill(mask!, -Float.infinity)
        }
        // softmax by hand: shift by the row maximum, exponentiate, normalise
        let rowMax = logits.max(axis: -1, keepDim: true)
        let expd = (logits - rowMax).exp()
        let probs = expd / expd.sum(axis: -1, keepDim: true)
        return (output: probs.matmul(v), weights: probs)
    }
    // ANCHOR_END: scaled-dot-product-attention
}
