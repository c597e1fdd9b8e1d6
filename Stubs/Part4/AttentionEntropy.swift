import Contracts
import Foundation
import TensorKit

/// Part 4 — attention entropy per head: how spread out a head's attention is, in nats.
///
/// A query's weights `a_k` over the `T` keys form a probability distribution; its entropy is
/// `−Σ_k a_k · ln a_k` (a zero weight adds nothing: `0 · ln 0 = 0`), from 0 (one key takes all)
/// to `ln T` (all keys alike). The table `[L, H]` averages it over all `T` queries, the class token
/// included.
public enum AttentionEntropy: AttentionEntropyMeasure {
    // ANCHOR: attention-entropy
    public static func entropy(_ attentions: [Tensor]) -> Tensor {
        // var table: [Float] = []                                  // [L, H], row-major

        // TODO: For each layer's attention [H, T, T] and each head h:
        // 1. for each query q (all T of them, the class token too), its entropy over all T keys:
        //    −Σ_k a · ln a, with a = attention[h, q, k]. Natural log (nats, not bits), and a zero
        //    weight contributes 0 (0 · ln 0 = 0; ln 0 itself is −∞)
        // 2. the mean of those T entropies: one number per (layer, head)

        // TODO: Accumulate in Double; reading a contiguous head's buffer
        // (attention[index: h].withUnsafeContiguousBuffer { … }) is much faster than attention[h, q, k].
        // return Tensor(shape: [attentions.count, H], scalars: table)
        todo("attention-entropy")
    }
    // ANCHOR_END: attention-entropy
}
