import Contracts
import Solutions
import TensorKit

/// `vit-attention`: the notebook's demo (shapes, no zero weights), the properties of attention,
/// PyTorch's seeded weights and outputs, and edge sizes against the reference.
enum ViTAttentionChecks {
    struct Case: Sendable {
        let label: String
        let batch: Int, tokens: Int, embedDim: Int, numHeads: Int
        let seed: UInt64
    }

    static let referenceCases = [
        Case(label: "one head", batch: 1, tokens: 5, embedDim: 16, numHeads: 1, seed: 31),
        Case(label: "sequence length 1, batch 2", batch: 2, tokens: 1, embedDim: 32, numHeads: 8, seed: 32),
        Case(label: "3 heads of width 8, batch 2", batch: 2, tokens: 7, embedDim: 24, numHeads: 3, seed: 33),
    ]

    static var checks: [Check] {
        [
            demo("returns output [1, 16, 64] and weights [1, 4, 16, 16]") { output, weights in
                try Expect.shape(output, [1, 16, 64], "output")
                try Expect.shape(weights, [1, 4, 16, 16], "attention weights [B, H, N, N]")
            },
            demo("bidirectional: every weight is above 0") { _, weights in
                let values = weights.scalars
                if let i = values.firstIndex(where: { !($0 > 0) }) {
                    throw CheckFailure("weight at \(Expect.index(i, in: weights.shape)) is \(values[i]); "
                        + "ViT attention has no mask, so every patch attends to every patch")
                }
            },
            demo("every row of weights sums to 1") { _, weights in try Expect.rowsSumToOne(weights) },
            demo("no NaN or Inf") { output, weights in
                try Expect.finite(weights, "attention weights")
                try Expect.finite(output, "output")
            },
            Check("manualSeed(42) construction reproduces PyTorch's qkv and proj", produce: { impl, _ in
                manualSeed(42)
                let attention = impl.vitAttention.init(embedDim: 64, numHeads: 4)
                var e = Evidence()
                for (name, layer) in [("qkv", attention.qkv), ("proj", attention.proj)] {
                    e.record("\(name).weight", layer.weight)
                    e.record("\(name).bias", try CheckInputs.bias(layer.bias, name))
                }
                return e
            }, judge: { e, context in
                let file = try context.fixture("part2_vit_attention.safetensors")
                for name in ["qkv.weight", "qkv.bias", "proj.weight", "proj.bias"] {
                    try Expect.close(try e.tensor(name), try file.tensor(name), name)
                }
            }),
            Check("matches PyTorch (ViTAttention(64, 4), fixture weights) to 1e-5", produce: { impl, context in
                let file = try context.fixture("part2_vit_attention.safetensors")
                let attention = impl.vitAttention.init(embedDim: 64, numHeads: 4)
                for name in ["qkv", "proj"] {
                    let layer = name == "qkv" ? attention.qkv : attention.proj
                    try CheckInputs.load(layer, name, weight: try file.tensor("\(name).weight"),
                                         bias: try file.tensor("\(name).bias"))
                }
                let result = attention(try file.tensor("patch_tokens"))
                var e = Evidence()
                e.record("output", result.output)
                e.record("weights", result.weights)
                return e
            }, judge: { e, context in
                let file = try context.fixture("part2_vit_attention.safetensors")
                try Expect.close(try e.tensor("weights"), try file.tensor("attn_weights"), "attention weights")
                try Expect.close(try e.tensor("output"), try file.tensor("output"), "output")
            }),
            .matchesReference("matches the reference: " + referenceCases.map(\.label).joined(separator: "; "),
                              referenceCases, label: \.label) { c, impl in
                let result = try run(c, impl.vitAttention)
                return [.tensor("weights", result.weights), .tensor("output", result.output)]
            },
        ]
    }

    /// The notebook's demo: `manual_seed(42)`, `ViTAttention(64, 4)`, then `randn(1, 16, 64)`.
    private static func demo(_ name: String, _ assertion: @escaping @Sendable (Tensor, Tensor) throws -> Void) -> Check {
        Check(name, produce: { impl, _ in
            manualSeed(42)
            let attention = impl.vitAttention.init(embedDim: 64, numHeads: 4)
            let result = attention(RandomGenerator.default.randn([1, 16, 64]))
            var e = Evidence()
            e.record("output", result.output)
            e.record("weights", result.weights)
            return e
        }, judge: { e, _ in try assertion(try e.tensor("output"), try e.tensor("weights")) })
    }

    private static func run(_ c: Case, _ type: any ViTSelfAttention.Type) throws -> (output: Tensor, weights: Tensor) {
        let attention = type.init(embedDim: c.embedDim, numHeads: c.numHeads)
        let (qkvW, qkvB) = CheckInputs.linearWeights(c.embedDim, 3 * c.embedDim, bias: true, seed: c.seed)
        let (projW, projB) = CheckInputs.linearWeights(c.embedDim, c.embedDim, bias: true, seed: c.seed + 10)
        try CheckInputs.load(attention.qkv, "qkv", weight: qkvW, bias: qkvB)
        try CheckInputs.load(attention.proj, "proj", weight: projW, bias: projB)
        return attention(CheckInputs.randn([c.batch, c.tokens, c.embedDim], seed: c.seed + 20))
    }
}
