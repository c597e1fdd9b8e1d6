import Contracts
import TensorKit

/// Part 4 — attention rollout (Abnar & Zuidema, "Quantifying Attention Flow in Transformers", 2020).
///
/// Attention in one layer says where each token reads from, but after the residual connection a
/// token also keeps itself. So each layer's mixing is modelled as `Â_l = ½ · Ā_l + ½ · I`, with
/// `Ā_l` the mean over heads of `A_l` `[H, T, T]`, and the layers chain: `R = Â_L · … · Â_1`.
/// Row 0 of `R` is how much the class token at the top draws from each input token; its patch
/// part `R[0, 1...]` is returned as the grid `[gh, gw]`, not rescaled.
public enum AttentionRollout {
    // ANCHOR: attention-rollout
    public static func rollout(_ attentions: [Tensor], gridHeight: Int, gridWidth: Int) -> Tensor {
        let T = 1 + gridHeight * gridWidth
        // Only row 0 of R is needed: r = e₀ᵀ · Â_L · … · Â_1, multiplied from the left, so each
        // layer costs a [1, T]·[T, T] product per head instead of a [T, T]·[T, T] one.
        var row = Tensor(shape: [1, T]) { $0[1] == 0 ? 1 : 0 }   // e₀ᵀ  [1, T]
        for attention in attentions.reversed() {                   // Â_L first: it is leftmost in R
            precondition(attention.rank == 3 && attention.dim(1) == T && attention.dim(2) == T,
                         "rollout: each layer's attention must be [H, \(T), \(T)], got \(attention.shape)")
            let throughHeads = row.matmul(attention).mean(axis: 0)  // [H, 1, T] → [1, T]  r · Ā
            row = 0.5 * throughHeads + 0.5 * row                     // r · Â = ½ r·Ā + ½ r·I
        }
        return row.slice(1, 1..<T).reshaped(gridHeight, gridWidth)  // R[0, 1...] as [gh, gw]
    }
    // ANCHOR_END: attention-rollout
}
