import Contracts
import Solutions
import TensorKit

/// `scaled-dot-product-attention`: the notebook's causal demo, the properties every attention
/// matrix has, several shapes against the reference, and PyTorch's Part 1 numbers.
enum AttentionChecks {
    /// One call of attention on seeded inputs.
    struct Case: Sendable {
        let label: String
        let q: [Int], k: [Int], v: [Int]
        let mask: Mask?
        let seed: UInt64
        var scale: Float = 1

        func inputs() -> (Tensor, Tensor, Tensor) {
            (CheckInputs.randn(q, seed: seed, scale: scale), CheckInputs.randn(k, seed: seed + 1, scale: scale),
             CheckInputs.randn(v, seed: seed + 2))
        }
    }

    /// A mask over 6 tokens with some positions masked in every row but never the diagonal.
    static let scatteredMask = Mask(shape: [6, 6]) { i in i[0] != i[1] && (i[0] * 7 + i[1] * 3) % 4 == 0 }

    static let referenceCases = [
        Case(label: "[2, 5, 16] without a mask", q: [2, 5, 16], k: [2, 5, 16], v: [2, 5, 16], mask: nil, seed: 11),
        Case(label: "sequence length 1", q: [1, 1, 8], k: [1, 1, 8], v: [1, 1, 8], mask: nil, seed: 12),
        Case(label: "[B, H, T, D] = [2, 3, 6, 8] with a [6, 6] mask", q: [2, 3, 6, 8], k: [2, 3, 6, 8],
             v: [2, 3, 6, 8], mask: scatteredMask, seed: 13),
        Case(label: "3 queries, 7 keys, values of width 5", q: [1, 3, 4], k: [1, 7, 4], v: [1, 7, 5],
             mask: nil, seed: 14),
    ]

    /// Large scores (×30): a softmax without the max subtraction overflows here.
    static let largeScores = Case(label: "large scores", q: [1, 6, 16], k: [1, 6, 16], v: [1, 6, 16],
                                  mask: scatteredMask, seed: 15, scale: 30)

    static var checks: [Check] {
        [
            demo("returns output [1, 8, 64] and weights [1, 8, 8]") { output, weights in
                try Expect.shape(output, [1, 8, 64], "output")
                try Expect.shape(weights, [1, 8, 8], "attention weights")
            },
            demo("the causal weights' upper triangle is zero") { _, weights in
                try Expect.shape(weights, [1, 8, 8], "attention weights")
                let above = weights.select(0, 0).triu(diagonal: 1)
                guard above.abs().max() <= 1e-6 else {
                    throw CheckFailure("weights above the diagonal are not zero (largest \(above.abs().max())):\n"
                        + (SideBySide.matrices(expected: Reference.causalDemo().weights, actual: weights, at: [0, 0, 0]) ?? ""))
                }
            },
            Check("masked positions are exactly 0", produce: { impl, _ in record(impl, [referenceCases[2]]) },
                  judge: { e, _ in try Expect.zeroWhereMasked(try e.tensor("0.weights"), scatteredMask) }),
            Check("every row of weights sums to 1", produce: { impl, _ in record(impl, referenceCases) },
                  judge: { e, _ in
                      for i in referenceCases.indices { try Expect.rowsSumToOne(try e.tensor("\(i).weights")) }
                  }),
            Check("no NaN or Inf, even with large scores", produce: { impl, _ in record(impl, [largeScores]) },
                  judge: { e, _ in
                      try Expect.finite(try e.tensor("0.weights"), "attention weights")
                      try Expect.finite(try e.tensor("0.output"), "output")
                  }),
            .matchesReference("matches the reference: " + referenceCases.map(\.label).joined(separator: "; "),
                              referenceCases, label: \.label) { c, impl in
                let (q, k, v) = c.inputs()
                let result = impl.attention.attention(q: q, k: k, v: v, mask: c.mask)
                return [.tensor("weights", result.weights), .tensor("output", result.output)]
            },
            Check("matches PyTorch (Part 1 causal demo) to 1e-5", produce: { impl, context in
                let file = try context.fixture("part1_causal.safetensors")
                let result = impl.attention.attention(q: try file.tensor("q"), k: try file.tensor("k"),
                                                      v: try file.tensor("v"), mask: try file.mask("mask"))
                var e = Evidence()
                e.record("output", result.output)
                e.record("weights", result.weights)
                return e
            }, judge: { e, context in
                let file = try context.fixture("part1_causal.safetensors")
                try Expect.close(try e.tensor("weights"), try file.tensor("attn_weights"), "attention weights")
                try Expect.close(try e.tensor("output"), try file.tensor("output"), "output")
            }),
        ]
    }

    /// The notebook's demo: `manual_seed(42)`, q, k, v = randn(1, 8, 64), causal mask of 8.
    private static func demo(_ name: String, _ assertion: @escaping @Sendable (Tensor, Tensor) throws -> Void) -> Check {
        Check(name, produce: { impl, _ in
            manualSeed(42)
            let q = RandomGenerator.default.randn([1, 8, 64]), k = RandomGenerator.default.randn([1, 8, 64])
            let v = RandomGenerator.default.randn([1, 8, 64])
            let result = impl.attention.attention(q: q, k: k, v: v, mask: Pieces.causalMask(seqLen: 8))
            var e = Evidence()
            e.record("output", result.output)
            e.record("weights", result.weights)
            return e
        }, judge: { e, _ in try assertion(try e.tensor("output"), try e.tensor("weights")) })
    }

    private static func record(_ impl: Implementations, _ cases: [Case]) -> Evidence {
        var e = Evidence()
        for (i, c) in cases.enumerated() {
            let (q, k, v) = c.inputs()
            let result = impl.attention.attention(q: q, k: k, v: v, mask: c.mask)
            e.record("\(i).output", result.output)
            e.record("\(i).weights", result.weights)
        }
        return e
    }
}

extension Reference {
    /// The reference result of the notebook's causal demo (for side-by-side evidence).
    static func causalDemo() -> (output: Tensor, weights: Tensor) {
        let generator = RandomGenerator(seed: 42)
        let q = generator.randn([1, 8, 64]), k = generator.randn([1, 8, 64]), v = generator.randn([1, 8, 64])
        return ScaledDotProductAttention.attention(q: q, k: k, v: v, mask: CausalMask.causalMask(seqLen: 8))
    }
}
