import TensorKit

/// Lesson 5's cell: the masks of lessons 1–3 side by side.
enum Part5Cells {
    static let all = [
        DemoCell("part5.mask-comparison") { out in
            // ANCHOR: part5.mask-comparison
            let n = 6
            let nImage = 3
            let masks: [(String, Mask)] = [
                ("LLM causal", Mask.upperTriangle(n, n, diagonal: 1)),
                ("ViT none", Mask(repeating: false, shape: [n, n])),
                ("prefix (notebook)", Mask(shape: [n, n]) { index in
                    index[1] >= nImage && (index[0] < nImage || index[1] > index[0])
                }),
                ("LLaVA-1.5", Mask.upperTriangle(n, n, diagonal: 1)),
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
