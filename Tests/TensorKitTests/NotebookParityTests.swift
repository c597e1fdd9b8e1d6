import TestSupport
import Testing
@testable import TensorKit

/// The notebook's cells written with TensorKit ops reproduce PyTorch's outputs (Tests/Fixtures).
@Suite struct NotebookParityTests {
    /// `softmax(q·kᵀ/√d masked)`, `·v` — the attention formula spelled out with ops.
    func attention(_ q: Tensor, _ k: Tensor, _ v: Tensor, _ mask: Mask?) -> (Tensor, Tensor) {
        var scores = q.matmul(k.transposed()) / Float(q.dim(-1)).squareRoot()
        if let mask { scores = scores.maskedFill(mask, -.infinity) }
        let weights = scores.softmax()
        return (weights.matmul(v), weights)
    }

    @Test func part1CausalAttention() throws {
        let f = try Fixtures.safetensors("part1_causal.safetensors")
        let mask = try f.mask("mask")
        #expect(mask == Mask.upperTriangle(8, 8, diagonal: 1))
        let (output, weights) = attention(try f.tensor("q"), try f.tensor("k"), try f.tensor("v"), mask)
        #expect(maxAbsDifference(weights, try f.tensor("attn_weights")) < 1e-6)
        #expect(maxAbsDifference(output, try f.tensor("output")) < 1e-5)
        #expect(weights.triu(diagonal: 1).scalars.allSatisfy { $0 == 0 })
    }

    @Test func part5ThreePatternsFromOneSetOfScores() throws {
        let f = try Fixtures.safetensors("part5_comparison.safetensors")
        let (q, k, v) = (try f.tensor("q"), try f.tensor("k"), try f.tensor("v"))
        let vlm = Mask(shape: [12, 12]) { i in i[1] >= 6 && (i[0] < 6 || i[1] > i[0]) }
        for (name, mask) in [("llm_attn", Mask.upperTriangle(12, 12, diagonal: 1)), ("vit_attn", nil), ("vlm_attn", vlm)] {
            let (_, weights) = attention(q, k, v, mask)
            #expect(maxAbsDifference(weights.select(0, 0), try f.tensor(name)) < 1e-6, "\(name)")
        }
    }

    @Test func part2PatchEmbeddingAsSeededConvolution() throws {
        let f = try Fixtures.safetensors("part2_patch_embedding.safetensors")
        manualSeed(42)
        let conv = Conv2d(3, 768, kernelSize: 16, stride: 16)
        let image = RandomGenerator.default.randn([1, 3, 224, 224])
        #expect(bitMismatches(image, try f.tensor("image")) == 0)
        let patches = conv(image).flattened(from: 2).transposed(1, 2)   // [1, 196, 768]
        #expect(patches.shape == [1, 196, 768])
        #expect(maxAbsDifference(patches, try f.tensor("patches")) < 1e-5)
    }

    @Test func part3VisionProjectionWithFixtureWeights() throws {
        let f = try Fixtures.safetensors("part3_vision_projection.safetensors")
        let mlp = Sequential(Linear(weight: try f.tensor("proj.0.weight"), bias: try f.tensor("proj.0.bias")),
                             GELU(),
                             Linear(weight: try f.tensor("proj.2.weight"), bias: try f.tensor("proj.2.bias")))
        #expect(maxAbsDifference(mlp(try f.tensor("x")), try f.tensor("output")) < 1e-6)
    }
}
