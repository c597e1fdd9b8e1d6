import Solutions
import Foundation
import TensorKit
import TestSupport
import Testing
@testable import Figures

/// The seeded builders, computed with the reference solutions, reproduce the PyTorch fixtures
/// (Tests/Fixtures) at seed 42 to 1e-5.
///
/// They seed and draw from the process-wide generator, as the notebook does; other suites draw
/// from it in parallel, so each check runs in an exit test: a process of its own, reporting every
/// mismatch on standard error.
@Suite struct FigureDataTests {
    /// Builds `name` at `seed` with the reference, or reports why not.
    static func build(_ name: FigureName, seed: UInt64 = 42) -> Figure? {
        do {
            return try name.figure(seed: seed, using: Reference.implementations)
        } catch {
            report("\(name.rawValue): \(error)")
            return nil
        }
    }

    /// Reports when `data` and fixture tensor `file`/`tensor` (after `select`) differ by more than 1e-5.
    static func compare(_ data: [[Float]], _ file: String, _ tensor: String, select: (Tensor) -> Tensor = { $0 }) {
        do {
            let expected = select(try Fixtures.tensor(file, tensor))
            guard expected.shape == [data.count, data.first?.count ?? 0] else {
                return report("\(tensor): shape \(expected.shape) vs \(data.count)×\(data.first?.count ?? 0)")
            }
            let difference = zip(data.flatMap { $0 }, expected.scalars).map { abs($0 - $1) }.max() ?? 0
            if !(difference < 1e-5) { report("\(tensor): max |Δ| = \(difference)") }
        } catch {
            report("\(file) \(tensor): \(error)")
        }
    }

    static func report(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }

    /// The exit test ran to the end and reported nothing on stderr.
    static func expectNoReports(_ result: ExitTest.Result?) {
        let reports = result.map { String(decoding: $0.standardErrorContent, as: UTF8.self) }
        #expect(reports == "", "\(reports ?? "the exit test did not exit normally")")
    }

    @Test func causalMatchesPart1() async {
        Self.expectNoReports(await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            guard let figure = FigureDataTests.build(.causal) else { return }
            FigureDataTests.compare(figure.panels[0].data, "part1_causal.safetensors", "attn_weights") { $0.select(0, 0) }
        })
    }

    @Test func vitIsHeadZeroOfPart2() async {
        Self.expectNoReports(await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            guard let figure = FigureDataTests.build(.vit) else { return }
            FigureDataTests.compare(figure.panels[0].data, "part2_vit_attention.safetensors", "attn_weights") {
                $0.select(0, 0).select(0, 0)
            }
        })
    }

    @Test func vlmAttentionIsTheHeadMeanOfPart3() async {
        Self.expectNoReports(await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            guard let figure = FigureDataTests.build(.vlmAttention) else { return }
            FigureDataTests.compare(figure.panels[0].data, "part3_vlm_attention.safetensors", "attn_weights") {
                $0.select(0, 0).mean(axis: 0)
            }
        })
    }

    @Test func compareMatchesPart5AndItsJSONToo() async {
        Self.expectNoReports(await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            guard let figure = FigureDataTests.build(.compare) else { return }
            let names = ["llm_attn", "vit_attn", "vlm_attn"]
            for (panel, name) in zip(figure.panels, names) {
                FigureDataTests.compare(panel.data, "part5_comparison.safetensors", name)
            }
            let object = try? JSONSerialization.jsonObject(with: Data(figure.json.utf8)) as? [String: Any]
            let panels = object?["panels"] as? [[String: Any]] ?? []
            if panels.count != 3 { FigureDataTests.report("JSON has \(panels.count) panels") }
            for (panel, name) in zip(panels, names) {
                let rows = (panel["data"] as? [[Double]] ?? []).map { $0.map(Float.init) }
                FigureDataTests.compare(rows, "part5_comparison.safetensors", name)
            }
        })
    }

    @Test func theSeedChangesTheData() async {
        Self.expectNoReports(await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            guard let seven = FigureDataTests.build(.causal, seed: 7), let fortyTwo = FigureDataTests.build(.causal)
            else { return }
            let (a, b) = (fortyTwo.panels[0].data, seven.panels[0].data)
            if a[7] == b[7] { FigureDataTests.report("seed 7 gave seed 42's last row") }
            if b[0] != [1, 0, 0, 0, 0, 0, 0, 0] { FigureDataTests.report("seed 7 is not causal: \(b[0])") }
            if seven.seed != 7 { FigureDataTests.report("seed 7 recorded as \(String(describing: seven.seed))") }
        })
    }

    @Test func theMaskFigureMatchesTheFixtureMask() throws {
        let figure = try FigureName.vlmMask.figure(seed: 42, using: Reference.implementations)
        let mask = try Fixtures.safetensors("part3_vlm_mask.safetensors").mask("mask_4_4").asFloat
        #expect(figure.panels[0].data.flatMap { $0 } == mask.scalars)
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
            try FigureName.clipLayers.figure(seed: 42, using: Reference.implementations)
        }
    }
}
