import Foundation
import TensorKit
import TestSupport
import Testing
@testable import Figures

/// The Part 4 grid from real (tiny, random-init) CLIP attentions, and a 197-token one for width.
@Suite struct CLIPLayersFigureTests {
    /// Twelve layers made from the tiny CLIP fixture's two (`[1, 4, 17, 17]` each), alternating.
    func twelveLayers() throws -> [Tensor] {
        let file = try Fixtures.safetensors("clip-tiny/reference.safetensors")
        let two = [try file.tensor("attentions.0"), try file.tensor("attentions.1")]
        return (0..<12).map { two[$0 % 2] }
    }

    @Test func panelsAreTheHeadMeansOfTheNotebookLayers() throws {
        let layers = try twelveLayers()
        let figure = Figure.clipLayers(layerAttentions: layers)
        #expect(figure.panels.count == 6)
        // Layer 4 (index 3) is the fixture's second layer.
        let expected = layers[3].select(0, 0).mean(axis: 0).scalars
        #expect(figure.panels[1].data.flatMap { $0 } == expected)
        #expect(figure.panels.allSatisfy { !$0.hasColorBar && $0.vmax == 0.1 })
    }

    @Test func pngIsATwoByThreeGrid() throws {
        let figure = Figure.clipLayers(layerAttentions: try twelveLayers())
        let (decoded, layout) = try DecodedPNG.roundTrip { try PNGRenderer(figure: figure, dpi: 100).write(to: $0) }
        let image = try #require(decoded)
        #expect(image.width == 1400 && image.height == 1000)
        let frames = layout.frames.map(\.heatmap)
        #expect(frames[0].y == frames[1].y && frames[1].y == frames[2].y)
        #expect(frames[3].y > frames[0].maxY)
        #expect(frames[0].maxX < frames[1].x && frames[1].maxX < frames[2].x)
        #expect(layout.frames.allSatisfy { $0.colorBar == nil })
        let frame = layout.frames[0]
        let point = (frame.heatmap.x + frame.cellSize / 4, frame.heatmap.y + frame.cellSize / 4)
        #expect(image[point] == figure.panels[0].color(row: 0, column: 0))
    }

    @Test func aWideMatrixIsDownsampledToFitWithANote() throws {
        let values = Tensor(shape: [1, 1, 197, 197]) { Float(($0[2] + $0[3]) % 10) / 100 }
        let figure = Figure.clipLayers(layerAttentions: [values])
        let text = figure.terminalText(style: TerminalStyle(colors: .plain, width: 80))
        #expect(text.contains("(downsampled 197×197 → 66×66 to fit 80 columns: each cell is the mean of a 3×3 block)"))
        let drawing = text.split(separator: "\n").prefix { !$0.hasPrefix("(downsampled") }
        #expect(drawing.count > 60 && drawing.allSatisfy { $0.count <= 80 })
        try Golden.check(text, named: "clip-layers-197.txt")
    }
}
