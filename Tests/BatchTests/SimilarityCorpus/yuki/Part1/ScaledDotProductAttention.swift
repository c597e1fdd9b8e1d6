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
        let depth = q.shape.last ?? 1
        let keysT = k.transposed(k.rank - 2, k.rank - 1)
        var energy = q.matmul(keysT).map { $0 / Float(depth).squareRoot() }
        guard let blocked = mask else {
            let p = energy.softmax()
            return (p.matmul(v), p)
        }
        energy = energy.maskedFill(blocked, -Float.infinity)
        let p = energy.softmax()
        return (p.matmul(v), p)
    }
    // ANCHOR_END: scaled-dot-product-attention
}
