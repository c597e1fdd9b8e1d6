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
/// than `1e-12` (a head whose every query is left out gets NaN: it has no distance).
public enum MeanAttentionDistance {
    // ANCHOR: mean-attention-distance
    public static func meanDistance(_ attentions: [Tensor], gridHeight: Int, gridWidth: Int, patchSize: Int) -> Tensor {
        let N = gridHeight * gridWidth, T = 1 + N
        let H = attentions.first?.dim(0) ?? 0
        // ‖c_i − c_j‖ in pixels for patches i, j in row-major order, [N · N] (the P/2 of both centres cancels).
        let distance = (0..<(N * N)).map { index in
            let (i, j) = (index / N, index % N)
            let dy = Double(i / gridWidth - j / gridWidth), dx = Double(i % gridWidth - j % gridWidth)
            return Double(patchSize) * (dy * dy + dx * dx).squareRoot()
        }
        var table = [Float](repeating: 0, count: attentions.count * H)   // [L, H]
        table.withUnsafeMutableBufferPointer { table in
            // Every (layer, head) is independent: the threads share them out.
            Parallel.perform(table.count) { i in
                let attention = attentions[i / H]
                precondition(attention.shape == [H, T, T],
                             "mean distance: each layer's attention must be [\(H), \(T), \(T)], got \(attention.shape)")
                table[i] = attention[index: i % H].withUnsafeContiguousBuffer { a in   // [T, T]
                    var total = 0.0, queries = 0
                    for q in 1..<T {                                   // patch queries only
                        var weight = 0.0, weightedDistance = 0.0
                        for k in 1..<T {                               // patch keys only
                            let w = Double(a[q * T + k])
                            weight += w
                            weightedDistance += w * distance[(q - 1) * N + (k - 1)]
                        }
                        guard weight >= 1e-12 else { continue }        // looks only at the class token
                        total += weightedDistance / weight             // renormalised over the patches
                        queries += 1
                    }
                    return Float(total / Double(queries))             // NaN when no query is left
                }
            }
        }
        return Tensor(shape: [attentions.count, H], scalars: table)
    }
    // ANCHOR_END: mean-attention-distance
}
