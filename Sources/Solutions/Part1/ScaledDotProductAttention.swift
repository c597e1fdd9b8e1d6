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
public enum ScaledDotProductAttention {
    // ANCHOR: scaled-dot-product-attention
    public static func attention(q: Tensor, k: Tensor, v: Tensor, mask: Mask?) -> (output: Tensor, weights: Tensor) {
        let D = q.dim(-1)
        // Dividing by √D keeps the scores' variance near 1, so softmax does not saturate.
        var scores = q.matmul(k.transposed()) / Float(D).squareRoot()  // [..., Tq, Tk]

        // −∞ becomes exactly 0 after softmax: masked keys get no weight at all.
        if let mask {
            scores = scores.maskedFill(mask, -.infinity)
        }

        let weights = scores.softmax(axis: -1)  // [..., Tq, Tk], each row sums to 1
        let output = weights.matmul(v)          // [..., Tq, Dv]
        return (output, weights)
    }
    // ANCHOR_END: scaled-dot-product-attention
}
