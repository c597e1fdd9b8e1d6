import Contracts
import Solutions
import TensorKit

/// `vision-projection`: the MLP's structure, the default hidden size, the output shape,
/// PyTorch's seeded weights and output, and other sizes against the reference.
enum VisionProjectionChecks {
    struct Case: Sendable {
        let label: String
        let batch: Int, tokens: Int, visionDim: Int, llmDim: Int, hiddenDim: Int?
        let seed: UInt64
    }

    static let referenceCases = [
        Case(label: "batch 2, one token, 8 → 6 → 12", batch: 2, tokens: 1, visionDim: 8, llmDim: 12, hiddenDim: 6, seed: 41),
        Case(label: "16 → 8 with the default hidden size", batch: 1, tokens: 4, visionDim: 16, llmDim: 8, hiddenDim: nil, seed: 42),
    ]

    static var checks: [Check] {
        [
            Check("proj is Linear(64 → 96), GELU, Linear(96 → 128)", produce: { impl, _ in
                structure(impl.visionProjection.init(visionDim: 64, llmDim: 128, hiddenDim: 96))
            }, judge: { e, _ in try expectStructure(e, hidden: 96) }),
            Check("the hidden size defaults to llmDim", produce: { impl, _ in
                structure(impl.visionProjection.init(visionDim: 64, llmDim: 128, hiddenDim: nil))
            }, judge: { e, _ in try expectStructure(e, hidden: 128) }),
            Check("maps [1, 9, 64] to [1, 9, 128]", produce: { impl, _ in
                manualSeed(42)
                let projection = impl.visionProjection.init(visionDim: 64, llmDim: 128, hiddenDim: 96)
                var e = Evidence()
                e.record("output", projection(RandomGenerator.default.randn([1, 9, 64])))
                return e
            }, judge: { e, _ in try Expect.shape(try e.tensor("output"), [1, 9, 128], "output") }),
            Check("manualSeed(42) construction reproduces PyTorch's proj.0 and proj.2", produce: { impl, _ in
                manualSeed(42)
                let (first, second) = try linears(impl.visionProjection.init(visionDim: 64, llmDim: 128, hiddenDim: 96))
                var e = Evidence()
                for (name, layer) in [("proj.0", first), ("proj.2", second)] {
                    e.record("\(name).weight", layer.weight)
                    e.record("\(name).bias", try CheckInputs.bias(layer.bias, name))
                }
                return e
            }, judge: { e, context in
                let file = try context.fixture("part3_vision_projection.safetensors")
                for name in ["proj.0.weight", "proj.0.bias", "proj.2.weight", "proj.2.bias"] {
                    try Expect.close(try e.tensor(name), try file.tensor(name), name)
                }
            }),
            Check("matches PyTorch (VisionProjection(64, 128, 96), fixture weights) to 1e-5", produce: { impl, context in
                let file = try context.fixture("part3_vision_projection.safetensors")
                let projection = impl.visionProjection.init(visionDim: 64, llmDim: 128, hiddenDim: 96)
                let (first, second) = try linears(projection)
                try CheckInputs.load(first, "proj.0", weight: try file.tensor("proj.0.weight"), bias: try file.tensor("proj.0.bias"))
                try CheckInputs.load(second, "proj.2", weight: try file.tensor("proj.2.weight"), bias: try file.tensor("proj.2.bias"))
                var e = Evidence()
                e.record("output", projection(try file.tensor("x")))
                return e
            }, judge: { e, context in
                let file = try context.fixture("part3_vision_projection.safetensors")
                try Expect.close(try e.tensor("output"), try file.tensor("output"), "output")
            }),
            .matchesReference("matches the reference: " + referenceCases.map(\.label).joined(separator: "; "),
                              referenceCases, label: \.label) { c, impl in
                [.tensor("output", try run(c, impl.visionProjection))]
            },
        ]
    }

    /// `proj.layers[0]` and `proj.layers[2]` as `Linear`s, or a problem naming what is there instead.
    private static func linears(_ projection: any VisionProjector) throws -> (Linear, Linear) {
        let layers = projection.proj.layers
        guard layers.count == 3, let first = layers[0] as? Linear, let second = layers[2] as? Linear else {
            throw CheckFailure("proj should be Sequential(Linear, GELU, Linear); it holds "
                + "[\(layers.map { "\(type(of: $0))" }.joined(separator: ", "))]")
        }
        return (first, second)
    }

    /// The layer kinds (1 Linear, 2 exact GELU, 3 tanh GELU, 0 other) and the Linear weights.
    private static func structure(_ projection: any VisionProjector) -> Evidence {
        var e = Evidence()
        let layers = projection.proj.layers
        e.record("kinds", Tensor(layers.map { layer -> Float in
            if layer is Linear { return 1 }
            if let gelu = layer as? GELU { return gelu.approximate == .none ? 2 : 3 }
            return 0
        }))
        for (i, layer) in layers.enumerated() { if let linear = layer as? Linear { e.record("\(i).weight", linear.weight) } }
        return e
    }

    private static func expectStructure(_ e: Evidence, hidden: Int) throws {
        let kinds = try e.tensor("kinds").scalars
        let labels = ["other layer", "Linear", "GELU", "GELU(approximate: .tanh)"]
        let names = kinds.map { kind in labels.indices.first { Float($0) == kind }.map { labels[$0] } ?? "other layer" }
        guard kinds == [1, 2, 1] else {
            throw CheckFailure("proj holds [\(names.joined(separator: ", "))]; expected [Linear, GELU, Linear] "
                + "(PyTorch's nn.GELU() is the exact one)")
        }
        try Expect.shape(try e.tensor("0.weight"), [hidden, 64], "proj.0.weight ([out, in])")
        try Expect.shape(try e.tensor("2.weight"), [128, hidden], "proj.2.weight ([out, in])")
    }

    private static func run(_ c: Case, _ type: any VisionProjector.Type) throws -> Tensor {
        let projection = type.init(visionDim: c.visionDim, llmDim: c.llmDim, hiddenDim: c.hiddenDim)
        let (first, second) = try linears(projection)
        let hidden = c.hiddenDim ?? c.llmDim
        let (w0, b0) = CheckInputs.linearWeights(c.visionDim, hidden, bias: true, seed: c.seed)
        let (w2, b2) = CheckInputs.linearWeights(hidden, c.llmDim, bias: true, seed: c.seed + 10)
        try CheckInputs.load(first, "proj.0", weight: w0, bias: b0)
        try CheckInputs.load(second, "proj.2", weight: w2, bias: b2)
        return projection(CheckInputs.randn([c.batch, c.tokens, c.visionDim], seed: c.seed + 20))
    }
}
