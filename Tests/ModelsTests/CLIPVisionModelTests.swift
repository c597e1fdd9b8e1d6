import Foundation
import Models
import TensorKit
import TestSupport
import Testing

/// The Swift forward pass against transformers' CLIPVisionModel (eager) on the clip-tiny fixture.
@Suite struct CLIPVisionModelTests {
    let reference: SafeTensorsFile
    let output: CLIPVisionOutput

    init() throws {
        reference = try Fixtures.safetensors("clip-tiny/reference.safetensors")
        let model = try CLIPVisionModel(directory: Fixtures.url("clip-tiny"))
        output = model(try reference.tensor("pixel_values"))
    }

    @Test func lastHiddenStateMatchesTransformers() throws {
        let expected = try reference.tensor("last_hidden_state")
        #expect(output.lastHiddenState.shape == [1, 17, 32])
        #expect(maxAbsDifference(output.lastHiddenState, expected) < 1e-5)
    }

    @Test func poolerOutputMatchesTransformers() throws {
        let expected = try reference.tensor("pooler_output")
        #expect(output.poolerOutput.shape == [1, 32])
        #expect(maxAbsDifference(output.poolerOutput, expected) < 1e-5)
    }

    @Test(arguments: 0...2) func hiddenStateMatchesTransformers(layer: Int) throws {
        let expected = try reference.tensor("hidden_states.\(layer)")
        #expect(output.hiddenStates.count == 3)
        #expect(maxAbsDifference(output.hiddenStates[layer], expected) < 1e-5)
    }

    @Test(arguments: 0...1) func attentionMatchesTransformers(layer: Int) throws {
        let expected = try reference.tensor("attentions.\(layer)")
        #expect(output.attentions.count == 2)
        #expect(output.attentions[layer].shape == [1, 4, 17, 17])
        #expect(maxAbsDifference(output.attentions[layer], expected) < 1e-5)
    }
}

/// A full CLIPModel checkpoint (`vision_model.` prefix, text tower, `vision_config`), exact GELU,
/// 3 heads, 3 layers, 30 px images in 6 px patches: transformers' outputs again.
@Suite struct CLIPSmallGELUTests {
    let reference: SafeTensorsFile
    let output: CLIPVisionOutput

    init() throws {
        reference = try Fixtures.safetensors("clip-small-gelu/reference.safetensors")
        let model = try CLIPVisionModel(directory: Fixtures.url("clip-small-gelu"))
        #expect(model.config.hiddenAct == .gelu && model.config.layerNormEps == 1e-6)
        output = model(try reference.tensor("pixel_values"))
    }

    @Test func outputsMatchTransformers() throws {
        #expect(output.lastHiddenState.shape == [1, 26, 24])
        #expect(maxAbsDifference(output.lastHiddenState, try reference.tensor("last_hidden_state")) < 1e-5)
        #expect(maxAbsDifference(output.poolerOutput, try reference.tensor("pooler_output")) < 1e-5)
        #expect(output.hiddenStates.count == 4 && output.attentions.count == 3)
        for (i, h) in output.hiddenStates.enumerated() {
            #expect(maxAbsDifference(h, try reference.tensor("hidden_states.\(i)")) < 1e-5)
        }
        for (i, a) in output.attentions.enumerated() {
            #expect(a.shape == [1, 3, 26, 26])
            #expect(maxAbsDifference(a, try reference.tensor("attentions.\(i)")) < 1e-5)
        }
    }
}
