import TensorKit

/// Part 1 — `causal-mask`: the LLM's causal mask.
///
/// `mask[i][j] = true` (masked) exactly when `j > i`: token `i` attends to itself and earlier
/// tokens only. Shape `[T, T]`.
public protocol CausalMaskBuilder {
    static func causalMask(seqLen: Int) -> Mask
}

/// Part 1 — `scaled-dot-product-attention`.
///
/// `weights = softmax(q·kᵀ/√d + M)`, `output = weights·v`, where `M` is −∞ where `mask` is true.
/// - `q`: `[…, Tq, D]`, `k`: `[…, Tk, D]`, `v`: `[…, Tk, Dv]` (leading axes broadcast, e.g. `[B]`
///   or `[B, H]`); `mask`: broadcastable to `[…, Tq, Tk]`, true = masked.
/// - Returns `output` `[…, Tq, Dv]` and `weights` `[…, Tq, Tk]`.
public protocol AttentionFunction {
    static func attention(q: Tensor, k: Tensor, v: Tensor, mask: Mask?) -> (output: Tensor, weights: Tensor)
}
