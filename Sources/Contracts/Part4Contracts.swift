import TensorKit

// Part 4's three ways to read a trained model's attention. Shared notation: a model with `L` layers
// and `H` heads sees `T = 1 + N` tokens, the class token first, then `N = gh · gw` patches of
// `P × P` pixels in row-major order. `attentions[l]` is layer `l`'s attention `A_l` `[H, T, T]`
// (layer 0 first; row = query, column = key; every row sums to 1).

/// Part 4 — `attention-rollout` (Abnar & Zuidema, 2020): how much each patch reaches the class
/// token through every layer, the residual connections included.
///
/// `R = Â_L · … · Â_1` with `Â_l = ½ · mean over heads of A_l + ½ · I` `[T, T]`; the result is
/// the class token's row over the patches, `R[0, 1...]`, laid out as the grid `[gh, gw]` (not rescaled).
public protocol AttentionRolloutBuilder {
    static func rollout(_ attentions: [Tensor], gridHeight: Int, gridWidth: Int) -> Tensor
}

/// Part 4 — `mean-attention-distance` (Dosovitskiy et al., 2021, figure 7): how far each head looks,
/// in pixels.
///
/// For layer `l`, head `h` and every patch query `q`: renormalise `q`'s weights over the patch keys
/// (drop the class token), take the weighted mean of the Euclidean distance between patch centres
/// (`(row, col) · P + P/2`, in pixels), then average over the patch queries. A query whose patch
/// weights sum to less than `1e-12` is left out of the average. Returns `[L, H]`, in pixels.
public protocol AttentionDistanceMeasure {
    static func meanDistance(_ attentions: [Tensor], gridHeight: Int, gridWidth: Int, patchSize: Int) -> Tensor
}

/// Part 4 — `attention-entropy`: how spread out each head's attention is.
///
/// For layer `l`, head `h`: `−Σ_k a · ln a` over all `T` keys (with `0 · ln 0 = 0`), averaged over
/// all `T` queries (class token included), in nats. Returns `[L, H]`: 0 when every query looks at
/// one key, `ln T` when every query spreads evenly over all keys.
public protocol AttentionEntropyMeasure {
    static func entropy(_ attentions: [Tensor]) -> Tensor
}
