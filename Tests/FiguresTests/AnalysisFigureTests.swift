import Foundation
import TensorKit
import Testing
@testable import Figures

/// `analyze`'s drawings: the distance chart and entropy table in a terminal, and the scatter
/// (`.marksPerColumn`) panel of its PNG.
@Suite struct AnalysisFigureTests {
    @Test func distanceChartPutsEachHeadAtItsDistance() {
        // Two layers, three heads; the axis ends at 60 (a nice step above the farthest, 56).
        let table = Tensor(shape: [2, 3], scalars: [0, 28, 56, 14, 14, .nan])
        let lines = DistanceChartText.render(table, imageSide: 56, style: .plain).split(separator: "\n").map(String.init)
        #expect(lines[0] == "Mean attention distance per head, pixels (marks: heads 0–2; image 56 px)")
        let axis = { (value: Double) in 10 + Int((value / 60 * 55).rounded()) }   // 56 columns of plot at width 80
        let layer0 = Array(lines[1]), layer1 = Array(lines[2])
        #expect(layer0[axis(0)] == "0" && layer0[axis(28)] == "1" && layer0[axis(56)] == "2")
        #expect(layer1[axis(14)] == "*")                               // heads 0 and 1 share a column
        #expect(lines[1].hasSuffix("│ mean   28.0") && lines[2].hasSuffix("│ mean   14.0"))   // NaN left out
        #expect(lines[4].replacingOccurrences(of: " ", with: "") == "0204060")
    }

    @Test func entropyTableShowsValuesAndTheirRampStep() {
        let table = Tensor(shape: [2, 2], scalars: [0, Float(log(5.0)), 0.8, .nan])
        let text = EntropyTableText.render(table, tokens: 5, style: .plain)
        #expect(text == """
            Attention entropy per head in nats (0: one key; ln 5 = 1.61: all alike)
                     head 0 head 1
            layer  0  0.00   1.61@
            layer  1  0.80=   NaN

            """)
    }

    @Test func marksPanelDrawsEachValueInItsColumnsColour() throws {
        let data: [[Float]] = [[10, 50], [30, 90], [70, 20]]
        let panel = Panel(title: "distance", xLabel: "layer", yLabel: "pixels", data: data, vmin: 0, vmax: 100,
                          colorMap: .inferno, hasColorBar: false, style: .marksPerColumn(legendPrefix: "head"))
        let figure = Figure(name: "marks", seed: nil, panels: [panel], size: Figure.Size(width: 6, height: 5))
        let (image, layout) = try DecodedPNG.roundTrip { try PNGRenderer(figure: figure, dpi: 100).write(to: $0) }
        let png = try #require(image)
        let plot = layout.frames[0].heatmap
        for (row, values) in data.enumerated() {
            for (column, value) in values.enumerated() {
                let x = plot.x + (Double(row) + 0.5) * layout.frames[0].cellSize
                let y = plot.maxY - Double(value) / 100 * plot.height
                #expect(png[(x, y)] == ColorMap.inferno.color(atFraction: (Double(column) + 0.5) / 2), "[\(row), \(column)]")
            }
        }
        #expect(layout.frames[0].colorBar == nil)
        #expect(png[(plot.midX, plot.y + 1)] == RGB(255, 255, 255))     // no heatmap cells under the marks
    }
}
