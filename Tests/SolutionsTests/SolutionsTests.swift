import Contracts
import Grader
import Solutions
import TensorKit
import Testing
import TestSupport

/// Every reference solution passes every check in this process, and matches PyTorch's fixtures.
@Suite(.serialized) struct SolutionsTests {
    let context = CheckContext(fixtures: Fixtures.directory)

    @Test(arguments: Catalog.exercises.map(\.id))
    func everyCheckPassesInProcess(_ id: String) {
        Reference.activate()
        let checks = PieceChecks.checks(for: id)
        #expect(checks.count >= 5)
        for check in checks {
            let result = check.verdict(check.observe(Reference.implementations, context), context)
            #expect(result.status == .pass, "\(id) / \(check.name): \(result.message)")
        }
    }

    @Test func attentionMatchesPyTorchsCausalDemo() throws {
        let file = try Fixtures.safetensors("part1_causal.safetensors")
        let result = ScaledDotProductAttention.attention(q: try file.tensor("q"), k: try file.tensor("k"),
                                                         v: try file.tensor("v"), mask: CausalMask.causalMask(seqLen: 8))
        #expect(try file.mask("mask") == CausalMask.causalMask(seqLen: 8))
        #expect(result.weights.isClose(to: try file.tensor("attn_weights"), rtol: 1e-5, atol: 1e-5))
        #expect(result.output.isClose(to: try file.tensor("output"), rtol: 1e-5, atol: 1e-5))
    }

    @Test func vlmMasksMatchPyTorch() throws {
        let file = try Fixtures.safetensors("part3_vlm_mask.safetensors")
        for (i, t) in [(4, 4), (9, 6), (6, 6), (0, 5), (5, 0), (1, 1)] {
            let expected = try file.mask("mask_\(i)_\(t)")
            #expect(VLMMask.vlmMask(nImage: i, nText: t) == expected)
        }
    }

    @Test func partFiveComparisonMatchesPyTorch() throws {
        let file = try Fixtures.safetensors("part5_comparison.safetensors")
        let (q, k, v) = (try file.tensor("q"), try file.tensor("k"), try file.tensor("v"))
        let llm = ScaledDotProductAttention.attention(q: q, k: k, v: v, mask: CausalMask.causalMask(seqLen: 12)).weights
        let vit = ScaledDotProductAttention.attention(q: q, k: k, v: v, mask: nil).weights
        let vlm = ScaledDotProductAttention.attention(q: q, k: k, v: v, mask: VLMMask.vlmMask(nImage: 6, nText: 6)).weights
        #expect(llm.select(0, 0).isClose(to: try file.tensor("llm_attn"), rtol: 1e-5, atol: 1e-5))
        #expect(vit.select(0, 0).isClose(to: try file.tensor("vit_attn"), rtol: 1e-5, atol: 1e-5))
        #expect(vlm.select(0, 0).isClose(to: try file.tensor("vlm_attn"), rtol: 1e-5, atol: 1e-5))
    }

    @Test func seededVLMAttentionReproducesPyTorch() throws {
        Reference.activate()
        let file = try Fixtures.safetensors("part3_vlm_attention.safetensors")
        manualSeed(42)
        let attention = VLMAttention(dModel: 64, numHeads: 4)
        let image = Tensor.randn([1, 9, 64]), text = Tensor.randn([1, 6, 64])
        #expect(image.isClose(to: try file.tensor("image_tokens")))
        #expect(text.isClose(to: try file.tensor("text_tokens")))
        let result = attention(Tensor.cat([image, text], axis: 1), nImageTokens: 9)
        #expect(attention.W_o.weight.isClose(to: try file.tensor("W_o.weight")))
        #expect(result.output.isClose(to: try file.tensor("output"), rtol: 1e-5, atol: 1e-5))
        #expect(result.weights.isClose(to: try file.tensor("attn_weights"), rtol: 1e-5, atol: 1e-5))
    }
}
