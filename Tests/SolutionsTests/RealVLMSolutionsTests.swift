import Contracts
import Solutions
import TensorKit
import Testing
import TestSupport

/// Lesson 3b's references against transformers 5.24, beyond what their checks compare.
@Suite struct RealVLMSolutionsTests {
    @Test func rmsNormIsTransformersInputLayerNorm() throws {
        let file = try Fixtures.safetensors("part3_cross_attention.safetensors")
        let norm = RMSNorm(64, eps: 1e-5)
        norm.weight = try file.tensor("input_layernorm.weight")
        let normed = norm(try file.tensor("hidden_states"))
        #expect(normed.isClose(to: try file.tensor("normed_hidden_states"), rtol: 1e-5, atol: 1e-6))
    }

    /// The reference's image rule is the processor's on the fixture layout, and its rows that see no
    /// image are exactly the fixture's `rows_without_image`.
    @Test func imageRuleIsTheProcessorsRule() throws {
        let file = try Fixtures.safetensors("part3_cross_attention.safetensors")
        let hidden = GatedCrossAttention.imageRule("ttittiittit").mask(queries: 11, keys: 4)
        #expect(hidden == (try file.mask("image_masked")))
        let blind = (0..<11).map { row in (0..<4).allSatisfy { hidden[row, $0] } }
        #expect(blind == (try file.mask("rows_without_image")).values)
    }

    /// On the rows that see an image the layer is transformers' attention branch; on the others
    /// transformers differs (it un-masks them), and the reference returns the input exactly.
    @Test func crossAttentionKeepsRowsWithoutAnImageAndMatchesTheRest() throws {
        let file = try Fixtures.safetensors("part3_cross_attention.safetensors")
        Reference.activate()
        let layer = GatedCrossAttention(hiddenSize: 64, numHeads: 4)
        for (name, linear) in [("q_proj", layer.q_proj), ("k_proj", layer.k_proj), ("v_proj", layer.v_proj), ("o_proj", layer.o_proj)] {
            linear.weight = try file.tensor("cross_attn.\(name).weight")
        }
        layer.input_layernorm.weight = try file.tensor("input_layernorm.weight")
        layer.q_norm.weight = try file.tensor("cross_attn.q_norm.weight")
        layer.k_norm.weight = try file.tensor("cross_attn.k_norm.weight")
        layer.cross_attn_attn_gate = try file.tensor("cross_attn_attn_gate")
        let x = try file.tensor("hidden_states")
        let images = try file.tensor("cross_attention_states").reshaped(1, 4, 6, 64)
        let (output, weights) = layer(x, images: images, layout: "ttittiittit")
        let transformers = try file.tensor("attention_branch_output")
        #expect(output.slice(1, 2..<11).isClose(to: transformers.slice(1, 2..<11), rtol: 1e-5, atol: 1e-5))
        #expect(output.slice(1, 0..<2).scalars == x.slice(1, 0..<2).scalars)
        #expect(!transformers.slice(1, 0..<2).isClose(to: x.slice(1, 0..<2), rtol: 1e-3, atol: 1e-3))
        #expect(weights.slice(2, 2..<11).isClose(to: try file.tensor("attn_weights").slice(2, 2..<11), rtol: 1e-5, atol: 1e-5))
        #expect(weights.slice(2, 0..<2).scalars.allSatisfy { $0 == 0 })
    }
}
