import Foundation
import Testing
@testable import Figures

/// PNG output: the files decode, have matplotlib's size, and show the data where the layout says.
@Suite struct PNGRendererTests {
    let figures = NotebookFigures.seed42
    /// Draws `figure` at 100 dpi and reads the PNG back.
    func render(_ figure: Figure) throws -> (DecodedPNG, PNGLayout) {
        let (image, layout) = try DecodedPNG.roundTrip { try PNGRenderer(figure: figure, dpi: 100).write(to: $0) }
        return (try #require(image), layout)
    }

    /// The centre of data cell (`row`, `column`) of a panel.
    func center(_ frame: PNGLayout.PanelFrame, _ row: Int, _ column: Int) -> (x: Double, y: Double) {
        (frame.heatmap.x + (Double(column) + 0.5) * frame.cellSize, frame.heatmap.y + (Double(row) + 0.5) * frame.cellSize)
    }

    @Test(arguments: [("causal", 600, 500), ("vit", 600, 500), ("vlm-mask", 700, 600), ("vlm-attention", 800, 700),
                      ("compare", 1500, 500)])
    func sizeFollowsFigsizeAtTheDPI(name: String, width: Int, height: Int) throws {
        let figure = try #require(figures.all.first { $0.name == name })
        let (image, layout) = try render(figure)
        #expect(image.width == width && image.height == height)
        #expect(image.distinctColors > 20)
        for frame in layout.frames {
            #expect(frame.heatmap.x > 0 && frame.heatmap.maxX < Double(width))
            #expect(frame.heatmap.y > 0 && frame.heatmap.maxY < Double(height))
        }
    }

    @Test func everyCellHasItsColourMapColour() throws {
        for figure in figures.all {
            let (image, layout) = try render(figure)
            for (panel, frame) in zip(figure.panels, layout.frames) {
                for row in 0..<panel.rows {
                    for column in 0..<panel.columns {
                        // A quarter cell off centre: clear of separators and text.
                        let point = center(frame, row, column)
                        let sample = image[(point.x - frame.cellSize / 4, point.y - frame.cellSize / 4)]
                        #expect(sample == panel.color(row: row, column: column), "\(figure.name) [\(row), \(column)]")
                    }
                }
            }
        }
    }

    @Test func causalUpperTriangleIsLightAndDiagonalDark() throws {
        let (image, layout) = try render(figures.causal)
        let frame = layout.frames[0]
        let upper = (0..<8).flatMap { row in ((row + 1)..<8).map { image[center(frame, row, $0)] } }
        #expect(upper.allSatisfy { $0.luma > 0.95 })
        #expect(image[center(frame, 0, 0)].luma < 0.3)  // weight 1: the darkest blue
        let diagonalMean: Double = (0..<8).map { image[center(frame, $0, $0)].luma }.reduce(0, +) / 8
        let upperMean: Double = upper.map(\.luma).reduce(0, +) / Double(upper.count)
        #expect(diagonalMean < upperMean - 0.3)
    }

    @Test func separatorsAreDrawnDashedWhereTheNotebookDashes() throws {
        let (image, layout) = try render(figures.vlmAttention)
        let frame = layout.frames[0]
        let x = Int(frame.heatmap.x + 9 * frame.cellSize)
        let column = (Int(frame.heatmap.y)..<Int(frame.heatmap.maxY)).map { image[x, $0] }
        let red = column.filter { $0.red > 200 && $0.green < 80 && $0.blue < 80 }.count
        #expect(red > column.count / 2 && red < column.count - 10)  // mostly red, with gaps

        let (mask, maskLayout) = try render(figures.vlmMask)
        let maskFrame = maskLayout.frames[0]
        let y = Int(maskFrame.heatmap.y + 4 * maskFrame.cellSize)
        let row = (Int(maskFrame.heatmap.x) + 2..<Int(maskFrame.heatmap.maxX) - 2).map { mask[$0, y] }
        #expect(row.allSatisfy { $0.luma < 0.1 })  // solid black
    }

    @Test func colourBarRunsFromVmaxAtTheTopToVminAtTheBottom() throws {
        let (image, layout) = try render(figures.causal)
        let bar = try #require(layout.frames[0].colorBar)
        let rows = Double(Int(bar.height))  // one colour per pixel row; rows 0 and last lie under the frame
        #expect(image[(bar.midX, bar.y + 1)] == ColorMap.blues.color(atFraction: 1 - 1.5 / rows))
        #expect(image[(bar.midX, bar.maxY - 2)] == ColorMap.blues.color(atFraction: 1.5 / rows))
        #expect(image[(bar.midX, bar.y + 1)].luma < 0.25 && image[(bar.midX, bar.maxY - 2)].luma > 0.95)
    }

    @Test func anUnwritablePathIsAClearError() {
        let path = "/nonexistent-directory/figure.png"
        #expect(throws: FigureError.cannotWritePNG(path: path, reason: "error while writing to output stream")) {
            try figures.causal.writePNG(to: path)
        }
    }
}
