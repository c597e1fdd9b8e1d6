import Contracts
import Solutions
import TensorKit

extension GatedCrossAttentionChecks {
    static let gates: [Float] = [0, -1.5]

    static var gateAndReferenceChecks: [Check] {
        [
            Check("the gate: 0 leaves the input unchanged, −1.5 scales the attention branch by tanh(−1.5)",
                  produce: { impl, context in
                let fixture = try CrossAttentionFixture(context)
                var e = Evidence()
                for gate in gates {
                    let (layer, x, images) = (try fixture.layer(impl.gatedCrossAttention, gate: gate), try fixture.x,
                                              try fixture.images)
                    e.record("\(gate)", layer(x, images: images, layout: CrossAttentionFixture.layout).output)
                }
                recordRules(&e, impl, [CrossAttentionFixture.layout])
                return e
            }, judge: { e, context in try pointingAtTheRule(e, [CrossAttentionFixture.layout]) {
                let fixture = try CrossAttentionFixture(context), x = try fixture.x, all = Array(0..<11)
                let reference = try fixture.layer(Reference.implementations.gatedCrossAttention, gate: gates[1])
                let images = try fixture.images
                let expected = reference(x, images: images, layout: CrossAttentionFixture.layout).output
                let closed = try e.tensor("\(gates[0])")
                try Expect.shape(closed, x.shape, "output with gate 0")
                try Expect.finite(closed, "output with gate 0")
                if !closed.isClose(to: x, rtol: Expect.tolerance, atol: Expect.tolerance) {
                    throw CheckFailure("with cross_attn_attn_gate = 0 the output must equal x, since tanh(0) = 0 "
                        + "(transformers starts every gate at 0) — gate not applied")
                }
                try GateMistake.expectClose(try e.tensor("\(gates[1])"), expected, x: x, gate: gates[1], rows: all,
                                            "output with gate −1.5")
            } }),
            Check("matches the reference: " + referenceCases.map(\.label).joined(separator: "; "), produce: { impl, _ in
                var e = Evidence()
                for (i, c) in referenceCases.enumerated() {
                    let result = try run(c, impl.gatedCrossAttention)
                    e.record("\(i).output", result.output)
                    e.record("\(i).weights", result.weights)
                }
                recordRules(&e, impl, referenceCases.map(\.layout))
                return e
            }, judge: { e, _ in try pointingAtTheRule(e, referenceCases.map(\.layout)) {
                for (i, c) in referenceCases.enumerated() {
                    let expected = try run(c, Reference.implementations.gatedCrossAttention)
                    try GateMistake.expectClose(try e.tensor("\(i).output"), expected.output, x: input(c), gate: c.gate,
                                                rows: Array(c.layout.indices), "output (\(c.label))")
                    try Expect.close(try e.tensor("\(i).weights"), expected.weights, "weights (\(c.label))")
                }
            } }),
            .matchesReference("no image in the layout (tttt): the output is the input", [0], label: { _ in "tttt" }) { _, impl in
                let layer = impl.gatedCrossAttention.init(hiddenSize: 16, numHeads: 2)
                layer.cross_attn_attn_gate = Tensor([0.8])
                let x = CheckInputs.randn([1, 4, 16], seed: 64)
                return [.tensor("output", layer(x, images: .zeros([1, 0, 3, 16]), layout: "tttt").output)]
            },
        ]
    }

    /// The case's text states `[B, T, C]`.
    static func input(_ c: Case) -> Tensor { CheckInputs.randn([c.batch, c.layout.count, c.hidden], seed: c.seed + 100) }

    /// A layer with seeded weights (norm weights 1 + 0.2·randn) on seeded inputs.
    static func run(_ c: Case, _ type: any GatedCrossAttentionLayer.Type) throws -> (output: Tensor, weights: Tensor) {
        let layer = type.init(hiddenSize: c.hidden, numHeads: c.heads)
        let D = c.hidden / c.heads
        var seed = c.seed
        try CrossAttentionFixture.load(layer) { name in
            seed += 10
            let width = name.hasSuffix("norm.weight") && name.hasPrefix("cross_attn") ? D : c.hidden
            if name.hasSuffix("_proj.weight") { return CheckInputs.linearWeights(c.hidden, c.hidden, bias: false, seed: seed).0 }
            return 1 + CheckInputs.randn([width], seed: seed, scale: 0.2)
        }
        layer.cross_attn_attn_gate = Tensor([c.gate])
        let nImages = c.layout.filter { $0 == .image }.count
        let x = input(c)
        let images = CheckInputs.randn([c.batch, nImages, c.tokensPerImage, c.hidden], seed: c.seed + 200)
        return layer(x, images: images, layout: c.layout)
    }
}
