import Contracts
import Foundation
import TensorKit

/// Part 4 — mean attention distance (Dosovitskiy et al., "An Image is Worth 16x16 Words", 2021,
/// figure 7): for each layer and head, how far in pixels a patch looks on average.
///
/// Per patch query `q` of layer `l`, head `h`: its weights over the patch keys, renormalised
/// (`w_k = a_qk / Σ_k' a_qk'`, the class token dropped), give the mean distance
/// `Σ_k w_k · ‖c_q − c_k‖`, with patch centres `c = (row, col) · P + P/2` in pixels. The table
/// `[L, H]` averages that over the patch queries, leaving out any whose patch weights sum to less
/// than `1e-12`.
public enum MeanAttentionDistance: AttentionDistanceMeasure {
    // ANCHOR: mean-attention-distance
    public static func meanDistance(_ attentions: [Tensor], gridHeight: Int, gridWidth: Int, patchSize: Int) -> Tensor {
        // Token 0 is the class token; token 1 + i is patch i, at grid row i / gridWidth and
        // column i % gridWidth. Its centre in pixels is (row, col) · patchSize + patchSize / 2.
        // let (N, T) = (gridHeight * gridWidth, 1 + gridHeight * gridWidth)
        // var table: [Float] = []                                  // [L, H], row-major

        // TODO: For each layer's attention [H, T, T] and each head h, for each patch query q in 1..<T:
        // 1. its weights over the patch keys only: attention[h, q, k] for k in 1..<T (skip key 0)
        // 2. their sum; if it is below 1e-12, leave this query out (it looks only at the class token)
        // 3. renormalise them (divide by that sum) and take Σ_k w_k · distance(q, k): the
        //    Euclidean distance between the two patch centres, in pixels (not in patches)

        // TODO: Average step 3 over the queries you kept: one number per (layer, head).
        // Accumulate in Double; reading a contiguous head's buffer
        // (attention[index: h].withUnsafeContiguousBuffer { … }) is much faster than attention[h, q, k].
        // return Tensor(shape: [attentions.count, H], scalars: table)
        todo("mean-attention-distance")
    }
    // ANCHOR_END: mean-attention-distance
}
