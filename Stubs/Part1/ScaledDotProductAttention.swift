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
        // TODO: Compute the attention scores q·kᵀ / √D, where D = q.dim(-1).
        // `k.transposed()` swaps the last two axes; `matmul` broadcasts the leading ones.
        // let scores = ...                                   // [..., Tq, Tk]

        // TODO: If there is a mask, set the masked scores to −∞ (`maskedFill(mask, -.infinity)`),
        // so that softmax gives them exactly zero weight.

        // TODO: Softmax over the keys (the last axis), then weight the values.
        // let weights = ...                                  // [..., Tq, Tk]
        // let output = ...                                   // [..., Tq, Dv]
        // return (output, weights)
        todo("scaled-dot-product-attention")
    }
    // ANCHOR_END: scaled-dot-product-attention
}
