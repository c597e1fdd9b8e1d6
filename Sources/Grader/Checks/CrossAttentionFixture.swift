import Contracts
import Foundation
import TensorKit

/// transformers' Llama 3.2 Vision layer in `part3_cross_attention.safetensors` (made by
/// `scripts/fixtures/make_cross_attention_fixtures.py`): hidden 64, 4 heads, 4 images of 6 tokens,
/// layout `ttIttIIttIt`, gate 0.7.
struct CrossAttentionFixture {
    static let name = "part3_cross_attention.safetensors"
    static let layout: TokenLayout = "ttittiittit"
    static let (hidden, heads, images, tokensPerImage) = (64, 4, 4, 6)

    let file: SafeTensorsFile

    init(_ context: CheckContext) throws { file = try context.fixture(Self.name) }

    var x: Tensor { get throws { try file.tensor("hidden_states") } }  // [1, 11, 64]
    /// `cross_attention_states` `[1, 24, 64]` split per image: `[1, 4, 6, 64]`.
    var images: Tensor {
        get throws { try file.tensor("cross_attention_states").reshaped(1, Self.images, Self.tokensPerImage, Self.hidden) }
    }
    /// The rows that see at least one image (2…10), and those that see none (0, 1).
    var rowsWithImage: [Int] { get throws { try rows(seeingImage: true) } }
    var rowsWithoutImage: [Int] { get throws { try rows(seeingImage: false) } }

    private func rows(seeingImage: Bool) throws -> [Int] {
        let blind = try file.mask("rows_without_image").values
        return blind.indices.filter { blind[$0] != seeingImage }
    }

    /// A layer of `type` holding the fixture's weights, its gate set to `gate` (default: the fixture's 0.7).
    func layer(_ type: any GatedCrossAttentionLayer.Type, gate: Float? = nil) throws -> any GatedCrossAttentionLayer {
        let layer = type.init(hiddenSize: Self.hidden, numHeads: Self.heads)
        try Self.load(layer) { try file.tensor($0) }
        layer.cross_attn_attn_gate = try gate.map { Tensor([$0]) } ?? file.tensor("cross_attn_attn_gate")
        return layer
    }

    /// Loads weights named as in transformers' layer into the learner's properties, checking shapes.
    static func load(_ layer: any GatedCrossAttentionLayer, _ weight: (String) throws -> Tensor) throws {
        for (name, linear) in [("q_proj", layer.q_proj), ("k_proj", layer.k_proj), ("v_proj", layer.v_proj),
                               ("o_proj", layer.o_proj)] {
            try CheckInputs.load(linear, name, weight: try weight("cross_attn.\(name).weight"), bias: nil)
        }
        for (name, norm) in [("input_layernorm", layer.input_layernorm), ("cross_attn.q_norm", layer.q_norm),
                             ("cross_attn.k_norm", layer.k_norm)] {
            let value = try weight("\(name).weight")
            guard norm.weight.shape == value.shape else {
                throw CheckFailure("\(name).weight has shape \(norm.weight.shape), expected \(value.shape)")
            }
            norm.weight = value
        }
    }
}

extension Tensor {
    /// The given indices along `axis`, in order (`t[:, rows]` for axis 1).
    func picking(_ indices: [Int], axis: Int) -> Tensor {
        Tensor.cat(indices.map { slice(axis, $0..<$0 + 1) }, axis: axis)
    }
}

enum GateMistake {
    /// Names a gate mistake when `actual` is `x + A` (no gate) or `x + gate·A` (no tanh), with the
    /// attention branch `A` recovered from `expected = x + tanh(gate)·A`. Nil for any other output.
    static func name(actual: Tensor, x: Tensor, expected: Tensor, gate: Float) -> String? {
        guard gate != 0, actual.shape == expected.shape, x.shape == expected.shape else { return nil }
        let branch = (expected - x) / Foundation.tanh(gate)
        if actual.isClose(to: x + branch, rtol: 1e-4, atol: 1e-4) {
            return "your output is x + attention: the gate is not applied; expected x + tanh(gate) · attention "
                + "with gate \(gate) — gate not applied"
        }
        if actual.isClose(to: x + gate * branch, rtol: 1e-4, atol: 1e-4) {
            return "your output is x + gate · attention: expected x + tanh(gate) · attention — tanh missing from the gate"
        }
        return nil
    }

    /// `Expect.close` on the rows given, naming a gate mistake first when there is one.
    static func expectClose(_ actual: Tensor, _ expected: Tensor, x: Tensor, gate: Float, rows: [Int], _ what: String) throws {
        try Expect.shape(actual, expected.shape, what)
        let (mine, theirs, input) = (actual.picking(rows, axis: 1), expected.picking(rows, axis: 1), x.picking(rows, axis: 1))
        if let mistake = name(actual: mine, x: input, expected: theirs, gate: gate) { throw CheckFailure("\(what): \(mistake)") }
        try Expect.close(mine, theirs, what)
    }
}
