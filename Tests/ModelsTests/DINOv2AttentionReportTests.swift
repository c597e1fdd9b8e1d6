import Images
import Models
import TensorKit
import Testing

struct DINOv2AttentionReportTests {
    @Test func classToPatchesIsRowZeroWithoutTheClassColumn() {
        // [B=1, H=2, T=5, T=5] with A[0, h, i, j] = 100·h + 10·i + j; grid 2 × 2.
        let attention = Tensor(shape: [1, 2, 5, 5]) { Float(100 * $0[1] + 10 * $0[2] + $0[3]) }
        let maps = DINOv2AttentionReport.classToPatches(attention, gridSize: 2)
        #expect(maps.shape == [2, 2, 2])
        #expect(maps.scalars == [1, 2, 3, 4, 101, 102, 103, 104])
    }

    @Test func overlayHasOneHalfBlockPerTwoPixels() {
        let image = RGBImage(width: 4, height: 4, pixels: [UInt8](repeating: 200, count: 48))
        let map = Tensor([[0, 1], [0, 0]])
        let text = HalfBlockOverlay.render([.init(title: "photo", map: nil), .init(title: "map", map: map)],
                                           over: image, width: 4, perRow: 2)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)                                  // title row + 4 px / 2
        #expect(lines[0] == "phot map ")                          // titles cut or padded to the panel width
        #expect(lines[1].filter { $0 == "▀" }.count == 8)          // two panels × 4 columns
        #expect(lines[1].hasPrefix("\u{1B}[38;2;200;200;200m\u{1B}[48;2;200;200;200m▀"))
    }

    /// Without colour: the ramp " .:-=+*#%@" — the photo's brightness, the map over its maximum.
    @Test func plainOverlayUsesTheCharacterRampAndNoEscapes() {
        let image = RGBImage(width: 4, height: 4, pixels: [UInt8](repeating: 255, count: 48))
        let map = Tensor([[0, 1], [0.5, 0]])
        let text = HalfBlockOverlay.render([.init(title: "photo", map: nil), .init(title: "map", map: map)],
                                           over: image, width: 4, perRow: 2, plain: true)
        #expect(!text.contains("\u{1B}"))
        #expect(text == "phot map \n@@@@   @@\n@@@@ ++  \n")
    }
}
