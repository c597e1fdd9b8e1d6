import Contracts
import Foundation
import TensorKit

/// Part 4 — attention entropy per head: how spread out a head's attention is, in nats.
///
/// A query's weights `a_k` over the `T` keys form a probability distribution; its entropy is
/// `−Σ_k a_k · ln a_k` (a zero weight adds nothing: `0 · ln 0 = 0`), from 0 (one key takes all)
/// to `ln T` (all keys alike). The table `[L, H]` averages it over all `T` queries, the class token
/// included.
public enum AttentionEntropy {
    // ANCHOR: attention-entropy
    public static func entropy(_ attentions: [Tensor]) -> Tensor {
        let H = attentions.first?.dim(0) ?? 0
        var table = [Float](repeating: 0, count: attentions.count * H)   // [L, H]
        table.withUnsafeMutableBufferPointer { table in
            // Every (layer, head) is independent: the threads share them out.
            Parallel.perform(table.count) { i in
                let attention = attentions[i / H]
                precondition(attention.rank == 3 && attention.dim(0) == H && attention.dim(1) == attention.dim(2),
                             "entropy: each layer's attention must be [\(H), T, T], got \(attention.shape)")
                let T = attention.dim(-1)
                table[i] = attention[index: i % H].withUnsafeContiguousBuffer { a in   // [T, T]
                    var sum = 0.0                                      // Σ over queries and keys
                    for w in a where w > 0 { sum -= Double(w) * Double(Foundation.log(w)) }
                    return Float(sum / Double(T))                      // mean over the T queries
                }
            }
        }
        return Tensor(shape: [attentions.count, H], scalars: table)
    }
    // ANCHOR_END: attention-entropy
}
