import Contracts
import TensorKit

/// Lesson 5's cells: the masks of lessons 1–3 side by side, and a quiz on the attention they make.
enum Part5Cells {
    static let all = [
        DemoCell("part5.which-mask", uses: [.causalMask, .attention, .vlmMask]) { out, pieces in
            let ScaledDotProductAttention = pieces.attention
            // The answer, kept out of the code the lesson shows: A prefix, B LLaVA-1.5, C none, D LLM.
            let hiddenOrder = [pieces.vlmMask.vlmMask(nImage: 6, nText: 6), pieces.causalMask.causalMask(seqLen: 12),
                               Mask(repeating: false, shape: [12, 12]), pieces.causalMask.causalMask(seqLen: 12)]
            // ANCHOR: part5.which-mask
            manualSeed(42)
            let (seqLen, dModel) = (12, 64)
            let q = Tensor.randn([1, seqLen, dModel])
            let k = Tensor.randn([1, seqLen, dModel])
            let v = Tensor.randn([1, seqLen, dModel])
            // Causal (LLM), none (ViT), prefix (6 image + 6 text) and LLaVA-1.5's, in a hidden order.
            let panels = zip(["A", "B", "C", "D"], hiddenOrder).map { letter, mask in
                (letter, ScaledDotProductAttention.attention(q: q, k: k, v: v, mask: mask).weights.select(0, 0))
            }

            out.print("weights in tenths (0-9); '.' = exactly zero")
            out.print(WeightDigits.sideBySide(panels))
            // ANCHOR_END: part5.which-mask
        },
        DemoCell("part5.mask-comparison", uses: [.causalMask, .vlmMask]) { out, pieces in
            let (CausalMask, VLMMask) = (pieces.causalMask, pieces.vlmMask)
            // ANCHOR: part5.mask-comparison
            let n = 6
            let nImage = 3
            let masks: [(String, Mask)] = [
                ("LLM causal", CausalMask.causalMask(seqLen: n)),
                ("ViT none", Mask(repeating: false, shape: [n, n])),
                ("prefix (notebook)", VLMMask.vlmMask(nImage: nImage, nText: n - nImage)),
                ("LLaVA-1.5", CausalMask.causalMask(seqLen: n)),
            ]

            let columnWidth = 19
            func padded(_ text: String) -> String { text + String(repeating: " ", count: columnWidth - text.count) }
            out.print(masks.map { padded($0.0) }.joined())
            for row in 0..<n {
                out.print(masks.map { _, mask in
                    padded((0..<n).map { mask[row, $0] ? "✗" : "✓" }.joined(separator: " "))
                }.joined())
            }
            out.print(masks.map { padded("masked: \($0.1.trueCount)") }.joined())
            // ANCHOR_END: part5.mask-comparison
        },
    ]
}

/// Attention weights as digits, for reading which positions a mask zeroed.
enum WeightDigits {
    /// Each `[T, T]` panel as rows of one character per weight: `.` where it is exactly 0, else
    /// the weight in tenths rounded (`0`…`9`, so a weight of 0.95 or more is `9`); two panels a row.
    static func sideBySide(_ panels: [(String, Tensor)]) -> String {
        let drawn = panels.map { title, weights -> [String] in
            precondition(weights.rank == 2, "WeightDigits: panel \(title) has shape \(weights.shape), not [T, T]")
            let rows = (0..<weights.dim(0)).map { row in
                (0..<weights.dim(1)).map { column -> String in
                    let weight = weights[row, column]
                    return weight == 0 ? "." : String(min(9, Int((weight * 10).rounded())))
                }.joined(separator: " ")
            }
            return ["panel \(title)"] + rows
        }
        let columnWidth = (drawn.flatMap { $0 }.map(\.count).max() ?? 0) + 6
        return stride(from: 0, to: drawn.count, by: 2).map { start in
            let pair = drawn[start..<min(start + 2, drawn.count)]
            return pair[start].indices.map { line in
                pair.map { $0[line] }.enumerated().map { index, text in
                    index == pair.count - 1 ? text : text + String(repeating: " ", count: columnWidth - text.count)
                }.joined()
            }.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}
