import Contracts
import TensorKit

/// Part 4 — attention rollout (Abnar & Zuidema, "Quantifying Attention Flow in Transformers", 2020).
///
/// Attention in one layer says where each token reads from, but after the residual connection a
/// token also keeps itself. So each layer's mixing is modelled as `Â_l = ½ · Ā_l + ½ · I`, with
/// `Ā_l` the mean over heads of `A_l` `[H, T, T]`, and the layers chain: `R = Â_L · … · Â_1`.
/// Row 0 of `R` is how much the class token at the top draws from each input token; its patch
/// part `R[0, 1...]` is returned as the grid `[gh, gw]`, not rescaled.
public enum AttentionRollout: AttentionRolloutBuilder {
    // ANCHOR: attention-rollout
    public static func rollout(_ attentions: [Tensor], gridHeight: Int, gridWidth: Int) -> Tensor {
        // attentions[0] is the first layer's attention [H, T, T]; T = 1 + gridHeight · gridWidth.
        // let T = 1 + gridHeight * gridWidth
        // let identity = Tensor(shape: [T, T]) { $0[0] == $0[1] ? 1 : 0 }   // I  [T, T]

        // TODO: Start from R = identity. For each layer, first to last:
        // 1. the mean over heads: attention.mean(axis: 0)        [H, T, T] -> [T, T]
        // 2. the residual: Â = 0.5 * mean + 0.5 * identity        [T, T], rows still sum to 1
        // 3. chain it on the left: R = Â.matmul(R), so that the last layer ends up leftmost:
        //    R = Â_L · … · Â_1

        // TODO: Return the class token's row over the patches, as it is (no rescaling):
        // R[index: 0] is row 0 [T]; slice(0, 1..<T) drops column 0, the class token -> [N];
        // reshaped(gridHeight, gridWidth) -> [gh, gw]
        todo("attention-rollout")
    }
    // ANCHOR_END: attention-rollout
}
