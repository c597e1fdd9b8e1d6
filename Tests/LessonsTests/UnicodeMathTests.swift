import Testing
@testable import Lessons

@Suite struct UnicodeMathTests {
    @Test(arguments: [
        (#"\text{softmax}\left(\frac{QK^T}{\sqrt{d_k}} + M\right)V"#, "softmax(QKᵀ/√dₖ + M)V"),
        (#"\frac{a + b}{2}"#, "(a + b)/2"),
        (#"\sqrt{x + y}"#, "√(x + y)"),
        (#"x_{ij}^{2}"#, "xᵢⱼ²"),
        (#"x_{\text{img}}"#, "x_(img)"),
        (#"e^{-\infty} = 0"#, "e^(-∞) = 0"),
        (#"W^{q}"#, "W^q"),
        (#"j \leq i"#, "j ≤ i"),
        (#"\alpha \cdot \beta \times \Sigma"#, "α · β × Σ"),
        (#"x \in \mathbb{R}^{d}"#, "x ∈ ℝᵈ"),
        (#"A^\top"#, "Aᵀ"),
        (#"\mathbf{v}\,\mathrm{dt}"#, "v dt"),
        (#"\unknown{x}"#, #"\unknownx"#),
        (#"\{0, 1\}"#, "{0, 1}"),
    ])
    func converts(latex: String, expected: String) {
        #expect(UnicodeMath.render(latex) == expected)
    }
}
