import Foundation
import Images
import Models
import TensorKit
import Testing
@testable import Figures

/// Maps over a photo in a terminal (`PhotoOverlayText`) and the DINOv2 report drawn with them.
@Suite struct PhotoOverlayTests {
    let grey = RGBImage(width: 4, height: 4, pixels: [UInt8](repeating: 200, count: 48))

    /// Colour: the photo as it is; a map pixel composited as the PNG does it (dimmed photo, inferno
    /// at opacity 0.75·t): t = 0 → 0.6 × 200 = 120, t = 1 → 0.25 × 120 + 0.75 × (252, 255, 164).
    @Test func colourPixelsAreThePhotoAndTheCompositedMap() {
        let panels = [PhotoOverlayPanel(title: "photo", map: nil), PhotoOverlayPanel(title: "map", map: Tensor([[0, 1], [0, 0]]))]
        let text = PhotoOverlayText.render(panels, over: grey, side: 4, perRow: 2, colors: .trueColor,
                                           backdrop: PhotoBackdrop(photo: grey))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[3].isEmpty)                  // title row + 4 pixel rows / 2
        #expect(lines[0] == "phot map")                                // titles cut to the panel width
        #expect(lines[1] == "\u{1B}[0;38;2;200;200;200;48;2;200;200;200m▀▀▀▀\u{1B}[0m "
            + "\u{1B}[0;38;2;120;120;120;48;2;120;120;120m▀▀\u{1B}[0;38;2;219;221;153;48;2;219;221;153m▀▀\u{1B}[0m")
        let ansi256 = PhotoOverlayText.render(panels, over: grey, side: 4, perRow: 2, colors: .ansi256,
                                              backdrop: PhotoBackdrop(photo: grey))
        #expect(ansi256.contains("38;5;") && !ansi256.contains("38;2;"))
    }

    /// Without colour: the ramp — the photo's brightness, the map over its maximum.
    @Test func plainPixelsAreRampSteps() {
        let white = RGBImage(width: 4, height: 4, pixels: [UInt8](repeating: 255, count: 48))
        let panels = [PhotoOverlayPanel(title: "photo", map: nil), PhotoOverlayPanel(title: "map", map: Tensor([[0, 1], [0.5, 0]]))]
        let text = PhotoOverlayText.render(panels, over: white, side: 4, perRow: 2, colors: .plain,
                                           backdrop: PhotoBackdrop(photo: white))
        #expect(text == "phot map\n@@@@   @@\n@@@@ ++\n")
    }

    /// A report of two heads (maps [2, 2]) and one layer: its terminal text puts as many 32-column
    /// panels to a row as the width allows (at most three), and its PNG figure four to a row.
    @Test func dinov2ReportFitsTheWidth() {
        let photo = RGBImage(width: 28, height: 28, pixels: [UInt8](repeating: 90, count: 28 * 28 * 3))
        let heads = [Tensor([[0, 1], [2, 3]]), Tensor([[3, 2], [1, 0]])]
        let report = DINOv2AttentionReport(image: photo, imageName: "grey.png", lastLayer: 11, heads: heads,
                                           layerGrid: [(layer: 0, map: heads[0])])
        #expect(report.meanOfHeads.scalars == [1.5, 1.5, 1.5, 1.5] && report.gridSize == 2)
        for (width, perRow) in [(98, 3), (80, 2), (40, 1)] {
            let text = report.terminalText(style: TerminalStyle(colors: .plain, width: width))
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines[0] == "DINOv2 ViT-S/14 on grey.png, 28×28: 2×2 patches of 14 px, 5 tokens")
            let titles = ["photo", "mean of heads", "head 0"].prefix(perRow)
            let firstRow = titles.dropLast().map { $0.padding(toLength: 33, withPad: " ", startingAt: 0) }.joined() + titles.last!
            #expect(lines[3] == firstRow, "width \(width)")
            #expect(lines.dropFirst(3).filter { !$0.hasPrefix("By layer") }.allSatisfy { $0.count <= 33 * perRow - 1 },
                    "width \(width)")
        }
        let figure = Figure.dinov2Attention(report)
        #expect(figure.panels.map(\.title) == ["Layer 12, mean of heads", "Layer 12, head 0", "Layer 12, head 1",
                                                "Layer 1, mean of heads"])
        #expect(figure.gridColumns == 4 && figure.panels.allSatisfy { $0.backdrop != nil && $0.colorMap == .inferno })
        #expect(figure.panels[1].vmax == 3 && figure.panels[1].data == [[0, 1], [2, 3]])
    }
}

/// The one character ramp and its rounding rule, and the CLIP attention summary drawn with it.
@Suite struct CharacterRampTests {
    @Test func tenEqualBinsClampedAtTheEnds() {
        let cases: [(Double, Character)] = [(-1, " "), (0, " "), (0.099, " "), (0.1, "."), (0.19, "."), (0.2, ":"),
                                            (0.5, "+"), (0.899, "%"), (0.9, "@"), (1, "@"), (7, "@")]
        for (t, character) in cases { #expect(CharacterRamp.character(t) == character, "t = \(t)") }
    }

    /// Each map over its own maximum, block-summed down to the cells that fit.
    @Test func summaryHeatmapsUseTheRamp() {
        #expect(AttentionSummary.heatmap(Tensor([[0, 0.05, 0.19, 0.55, 1]]), maxCells: 64) == "  .+@\n")
        #expect(AttentionSummary.heatmap(Tensor([[0.1, 0.1], [0, 0.2]]), maxCells: 64, cellWidth: 2) == "++++\n  @@\n")
        // 4 × 4 summed in 2 × 2 blocks: 0, 2 / 2, 4 over the maximum 4.
        let blocks = Tensor([[0, 0, 1, 1], [0, 0, 0, 0], [1, 0, 1, 1], [1, 0, 1, 1]])
        #expect(AttentionSummary.heatmap(blocks, maxCells: 2) == " +\n+@\n")
    }
}
