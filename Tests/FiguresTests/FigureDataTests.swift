import Foundation
import TensorKit
import TestSupport
import Testing
@testable import Figures

/// The figures' data equals the PyTorch fixtures' (Tests/Fixtures) at seed 42.
@Suite struct FigureDataTests {
    let figures = NotebookFigures.seed42

    /// Largest |a − b| over two equally shaped matrices (infinity when the shapes differ).
    func maxDifference(_ data: [[Float]], _ expected: Tensor) -> Float {
        guard expected.shape == [data.count, data.first?.count ?? 0] else { return .infinity }
        return zip(data.flatMap { $0 }, expected.scalars).map { abs($0 - $1) }.max() ?? 0
    }

    @Test func causalMatchesPart1() throws {
        let expected = try Fixtures.tensor("part1_causal.safetensors", "attn_weights").select(0, 0)
        #expect(maxDifference(figures.causal.panels[0].data, expected) < 1e-5)
        #expect(figures.causal.panels[0].data[0][1] == 0)
    }

    @Test func vitIsHeadZeroOfPart2() throws {
        let weights = try Fixtures.tensor("part2_vit_attention.safetensors", "attn_weights")  // [1, 4, 16, 16]
        let data = figures.vit.panels[0].data
        #expect(maxDifference(data, weights.select(0, 0).select(0, 0)) < 1e-5)
        #expect(maxDifference(data, weights.select(0, 0).select(0, 1)) > 1e-2)  // not another head
    }

    @Test func vlmAttentionIsTheHeadMeanOfPart3() throws {
        let weights = try Fixtures.tensor("part3_vlm_attention.safetensors", "attn_weights")  // [1, 4, 15, 15]
        #expect(maxDifference(figures.vlmAttention.panels[0].data, weights.select(0, 0).mean(axis: 0)) < 1e-5)
    }

    @Test func vlmMaskMatchesTheFixtureMask() throws {
        let mask = try Fixtures.safetensors("part3_vlm_mask.safetensors").mask("mask_4_4")
        #expect(figures.vlmMask.panels[0].data == mask.asFloat.rows)
    }

    @Test(arguments: [(0, "llm_attn"), (1, "vit_attn"), (2, "vlm_attn")])
    func comparePanelsMatchPart5(panel: Int, tensor: String) throws {
        let expected = try Fixtures.tensor("part5_comparison.safetensors", tensor)  // [12, 12]
        #expect(maxDifference(figures.compare.panels[panel].data, expected) < 1e-5)
    }

    @Test func theSeedChangesTheData() {
        let (a, b) = (figures.causal.panels[0].data, figures.causalSeed7.panels[0].data)
        #expect(a[7][0] != b[7][0])
        #expect(b[0][0] == 1)  // still causal: token 0 sees only itself
        #expect(figures.causalSeed7.seed == 7)
    }

    @Test func jsonRoundTripsTheFixtureValues() throws {
        let object = try JSONSerialization.jsonObject(with: Data(figures.compare.json.utf8)) as? [String: Any]
        #expect(object?["figure"] as? String == "compare")
        #expect(object?["seed"] as? Int == 42)
        let panels = try #require(object?["panels"] as? [[String: Any]])
        #expect(panels.map { $0["title"] as? String } == figures.compare.panels.map(\.title))
        #expect(panels.map { $0["rows"] as? Int } == [12, 12, 12])
        #expect(panels.map { $0["cols"] as? Int } == [12, 12, 12])
        for (panel, name) in zip(panels, ["llm_attn", "vit_attn", "vlm_attn"]) {
            let rows = try #require(panel["data"] as? [[Double]])
            let expected = try Fixtures.tensor("part5_comparison.safetensors", name)
            #expect(maxDifference(rows.map { $0.map(Float.init) }, expected) < 1e-5, "\(name)")
        }
    }

    @Test func jsonKeepsEveryFloatExactly() throws {
        let figure = Figure(name: "x\"y", seed: nil, panels: [
            Panel(title: "t", xLabel: "", yLabel: "", data: [[0.1, 1e-7, .nan, 0.33333334]], vmin: 0, vmax: 1),
        ], size: .init(width: 1, height: 1))
        #expect(figure.json == #"{"figure": "x\"y", "seed": null, "panels": [{"title": "t", "rows": 1, "cols": 4, "#
            + #""data": [[0.1, 1e-07, null, 0.33333334]]}]}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(figure.json.utf8)) as? [String: Any]
        let row = (parsed?["panels"] as? [[String: Any]])?.first?["data"] as? [[Any]]
        #expect((row?[0][3] as? Double).map(Float.init) == 0.33333334)
    }

    @Test func clipLayersPicksTheNotebookLayers() throws {
        let layers = (0..<12).map { Tensor(repeating: Float($0), shape: [1, 2, 3, 3]) }
        let figure = Figure.clipLayers(layerAttentions: layers)
        #expect(figure.panels.map(\.title) == ["Layer 1", "Layer 4", "Layer 7", "Layer 10", "Layer 12", "Last Layer"])
        #expect(figure.panels.map { $0.data[0][0] } == [0, 3, 6, 9, 11, 11])
        #expect(figure.gridColumns == 3 && figure.gridRows == 2)
        let tiny = Figure.clipLayers(layerAttentions: Array(layers.prefix(2)))
        #expect(tiny.panels.map(\.title) == ["Layer 1", "Last Layer"])
    }

    @Test func clipLayersByNameNeedsACheckpoint() {
        #expect(throws: FigureError.needsCLIPCheckpoint) {
            try FigureName.clipLayers.figure(seed: 42, using: OpsPieces.implementations)
        }
    }
}
