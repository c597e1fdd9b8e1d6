import Contracts
import Solutions
import TensorKit

/// `vlm-attention`: the notebook's test (9 image + 6 text tokens), the mask's zeros, the
/// properties of attention, PyTorch's seeded weights and outputs, and edge cases vs the reference.
enum VLMAttentionChecks {
    struct Case: Sendable {
        let label: String
        let batch: Int, nImage: Int, nText: Int, dModel: Int, numHeads: Int
        let seed: UInt64
    }

    static let referenceCases = [
        Case(label: "no text tokens", batch: 1, nImage: 5, nText: 0, dModel: 16, numHeads: 2, seed: 51),
        Case(label: "no image tokens", batch: 1, nImage: 0, nText: 5, dModel: 16, numHeads: 2, seed: 52),
        Case(label: "sequence length 1", batch: 1, nImage: 0, nText: 1, dModel: 16, numHeads: 2, seed: 53),
        Case(label: "one head", batch: 1, nImage: 3, nText: 4, dModel: 16, numHeads: 1, seed: 54),
        Case(label: "batch 2, 3 heads", batch: 2, nImage: 4, nText: 3, dModel: 24, numHeads: 3, seed: 55),
    ]

    static let weightNames = ["W_q", "W_k", "W_v", "W_o"]

    static var checks: [Check] {
        [
            demo("output has the input's shape [1, 15, 64]") { output, _ in try Expect.shape(output, [1, 15, 64], "output") },
            demo("weights are [B, H, T, T] = [1, 4, 15, 15]") { _, weights in
                try Expect.shape(weights, [1, 4, 15, 15], "attention weights")
            },
            demo("masked positions are exactly 0 (image → text, future text)") { _, weights in
                try Expect.zeroWhereMasked(weights, VLMMask.vlmMask(nImage: 9, nText: 6))
            },
            demo("every row of weights sums to 1") { _, weights in try Expect.rowsSumToOne(weights) },
            demo("no NaN or Inf") { output, weights in
                try Expect.finite(weights, "attention weights")
                try Expect.finite(output, "output")
            },
            Check("manualSeed(42) construction reproduces PyTorch's W_q, W_k, W_v, W_o", produce: { impl, _ in
                manualSeed(42)
                let attention = impl.vlmAttention.init(dModel: 64, numHeads: 4)
                var e = Evidence()
                for (name, layer) in zip(weightNames, layers(attention)) {
                    guard layer.bias == nil else { throw CheckFailure("\(name) should be created without a bias") }
                    e.record(name, layer.weight)
                }
                return e
            }, judge: { e, context in
                let file = try context.fixture("part3_vlm_attention.safetensors")
                for name in weightNames { try Expect.close(try e.tensor(name), try file.tensor("\(name).weight"), name) }
            }),
            Check("matches PyTorch (VLMAttention(64, 4), 9 image + 6 text, fixture weights) to 1e-5",
                  produce: { impl, context in
                let file = try context.fixture("part3_vlm_attention.safetensors")
                let attention = impl.vlmAttention.init(dModel: 64, numHeads: 4)
                for (name, layer) in zip(weightNames, layers(attention)) {
                    try CheckInputs.load(layer, name, weight: try file.tensor("\(name).weight"), bias: nil)
                }
                let x = Tensor.cat([try file.tensor("image_tokens"), try file.tensor("text_tokens")], axis: 1)
                let result = attention(x, nImageTokens: 9)
                var e = Evidence()
                e.record("output", result.output)
                e.record("weights", result.weights)
                return e
            }, judge: { e, context in
                let file = try context.fixture("part3_vlm_attention.safetensors")
                try Expect.close(try e.tensor("weights"), try file.tensor("attn_weights"), "attention weights")
                try Expect.close(try e.tensor("output"), try file.tensor("output"), "output")
            }),
            .matchesReference("matches the reference: " + referenceCases.map(\.label).joined(separator: "; "),
                              referenceCases, label: \.label) { c, impl in
                let result = try run(c, impl.vlmAttention)
                return [.tensor("weights", result.weights), .tensor("output", result.output)]
            },
        ]
    }

    private static func layers(_ attention: any VLMSelfAttention) -> [Linear] {
        [attention.W_q, attention.W_k, attention.W_v, attention.W_o]
    }

    /// The notebook's test: `manual_seed(42)`, `VLMAttention(64, 4)`, 9 image then 6 text tokens.
    private static func demo(_ name: String, _ assertion: @escaping @Sendable (Tensor, Tensor) throws -> Void) -> Check {
        Check(name, produce: { impl, _ in
            manualSeed(42)
            let attention = impl.vlmAttention.init(dModel: 64, numHeads: 4)
            let image = RandomGenerator.default.randn([1, 9, 64]), text = RandomGenerator.default.randn([1, 6, 64])
            let result = attention(Tensor.cat([image, text], axis: 1), nImageTokens: 9)
            var e = Evidence()
            e.record("output", result.output)
            e.record("weights", result.weights)
            return e
        }, judge: { e, _ in try assertion(try e.tensor("output"), try e.tensor("weights")) })
    }

    private static func run(_ c: Case, _ type: any VLMSelfAttention.Type) throws -> (output: Tensor, weights: Tensor) {
        let attention = type.init(dModel: c.dModel, numHeads: c.numHeads)
        for (i, (name, layer)) in zip(weightNames, layers(attention)).enumerated() {
            let (weight, _) = CheckInputs.linearWeights(c.dModel, c.dModel, bias: false, seed: c.seed + UInt64(10 * i))
            try CheckInputs.load(layer, name, weight: weight, bias: nil)
        }
        let x = CheckInputs.randn([c.batch, c.nImage + c.nText, c.dModel], seed: c.seed + 100)
        return attention(x, nImageTokens: c.nImage)
    }
}
