import Contracts
import Solutions
import TensorKit

/// `patch-embedding`: the notebook's shape assert, the layer's structure, PyTorch's seeded
/// weights and output, and small images against the reference.
enum PatchEmbeddingChecks {
    struct Case: Sendable {
        let label: String
        let batch: Int, imgSize: Int, patchSize: Int, channels: Int, embedDim: Int
        let seed: UInt64
    }

    static let referenceCases = [
        Case(label: "32×32 image, 8×8 patches, 3 → 16", batch: 1, imgSize: 32, patchSize: 8, channels: 3, embedDim: 16, seed: 21),
        Case(label: "one patch (8×8 image), batch 2", batch: 2, imgSize: 8, patchSize: 8, channels: 1, embedDim: 4, seed: 22),
        Case(label: "12×12 image, 4×4 patches, 2 → 6, batch 2", batch: 2, imgSize: 12, patchSize: 4, channels: 2, embedDim: 6, seed: 23),
    ]

    static var checks: [Check] {
        [
            Check("output shape is [1, 196, 768] for a 224×224 image", produce: { impl, _ in
                manualSeed(42)
                let embed = impl.patchEmbedding.init(imgSize: 224, patchSize: 16, inChannels: 3, embedDim: 768)
                var e = Evidence()
                e.record("patches", shapeOf: embed(RandomGenerator.default.randn([1, 3, 224, 224])))
                return e
            }, judge: { e, _ in try Expect.recordedShape(try e.tensor("patches"), [1, 196, 768], "patches") }),
            Check("proj is Conv2d(3 → 768, kernel 16, stride 16) and nPatches is 196", produce: { impl, _ in
                let embed = impl.patchEmbedding.init(imgSize: 224, patchSize: 16, inChannels: 3, embedDim: 768)
                var e = Evidence()
                e.record("proj.weight", shapeOf: embed.proj.weight)
                e.record("stride,nPatches", Tensor([Float(embed.proj.stride), Float(embed.nPatches)]))
                return e
            }, judge: { e, _ in
                try Expect.recordedShape(try e.tensor("proj.weight"), [768, 3, 16, 16], "proj.weight ([out, in, k, k])")
                let values = try e.tensor("stride,nPatches").scalars
                guard values.count == 2 else { throw CheckFailure("the recorded stride and nPatches are malformed") }
                guard values[0] == 16 else { throw CheckFailure("proj.stride is \(values[0]), expected 16 (= patchSize)") }
                guard values[1] == 196 else { throw CheckFailure("nPatches is \(values[1]), expected (224 / 16)² = 196") }
            }),
            Check("manualSeed(42) construction reproduces PyTorch's proj weights", produce: { impl, _ in
                manualSeed(42)
                let embed = impl.patchEmbedding.init(imgSize: 224, patchSize: 16, inChannels: 3, embedDim: 768)
                var e = Evidence()
                e.record("proj.weight", embed.proj.weight)
                e.record("proj.bias", try CheckInputs.bias(embed.proj.bias, "proj"))
                return e
            }, judge: { e, context in
                let file = try context.fixture("part2_patch_embedding.safetensors")
                try Expect.close(try e.tensor("proj.weight"), try file.tensor("proj.weight"), "proj.weight")
                try Expect.close(try e.tensor("proj.bias"), try file.tensor("proj.bias"), "proj.bias")
            }),
            Check("matches PyTorch (224×224 image, fixture weights) to 1e-5", produce: { impl, context in
                let file = try context.fixture("part2_patch_embedding.safetensors")
                let embed = impl.patchEmbedding.init(imgSize: 224, patchSize: 16, inChannels: 3, embedDim: 768)
                try CheckInputs.load(embed.proj, "proj", weight: try file.tensor("proj.weight"), bias: try file.tensor("proj.bias"))
                var e = Evidence()
                e.record("patches", embed(try file.tensor("image")))
                return e
            }, judge: { e, context in
                let file = try context.fixture("part2_patch_embedding.safetensors")
                try Expect.close(try e.tensor("patches"), try file.tensor("patches"), "patches")
            }),
            .matchesReference("matches the reference: " + referenceCases.map(\.label).joined(separator: "; "),
                              referenceCases, label: \.label) { c, impl in
                [.tensor("patches", try run(c, impl.patchEmbedding))]
            },
        ]
    }

    /// Builds the embedder for `c`, loads seeded weights into `proj`, embeds a seeded image.
    private static func run(_ c: Case, _ type: any PatchEmbedder.Type) throws -> Tensor {
        let embed = type.init(imgSize: c.imgSize, patchSize: c.patchSize, inChannels: c.channels, embedDim: c.embedDim)
        let fanIn = Float(c.channels * c.patchSize * c.patchSize)
        try CheckInputs.load(embed.proj, "proj",
                             weight: CheckInputs.randn([c.embedDim, c.channels, c.patchSize, c.patchSize],
                                                       seed: c.seed, scale: 1 / fanIn.squareRoot()),
                             bias: CheckInputs.randn([c.embedDim], seed: c.seed + 1, scale: 0.1))
        return embed(CheckInputs.randn([c.batch, c.channels, c.imgSize, c.imgSize], seed: c.seed + 2))
    }
}
