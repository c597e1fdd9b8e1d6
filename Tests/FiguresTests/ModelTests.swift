import Testing
@testable import Figures

/// Colour maps and ticks behave as matplotlib's.
@Suite struct ModelTests {
    @Test func bluesRunsFromNearWhiteToDarkBlue() {
        #expect(ColorMap.blues.color(atFraction: 0) == RGB(hex: 0xF7FBFF))
        #expect(ColorMap.blues.color(atFraction: 1) == RGB(hex: 0x08306B))
        // Level 128 of 256, between ColorBrewer's 5th and 6th colours: matplotlib's Blues(0.5).
        #expect(ColorMap.blues.color(atFraction: 0.5) == RGB(106, 174, 214))
        #expect(ColorMap.blues.color(for: 0.5, vmin: 0, vmax: 0.5) == RGB(hex: 0x08306B))
        #expect(ColorMap.blues.color(for: 0.9, vmin: 0, vmax: 0.5) == RGB(hex: 0x08306B))  // clipped
        #expect(ColorMap.blues.color(for: .nan, vmin: 0, vmax: 1) == nil)
    }

    @Test func reversedRedYellowGreenIsGreenForZeroAndRedForOne() {
        #expect(ColorMap.redYellowGreenReversed.color(atFraction: 0) == RGB(hex: 0x006837))
        #expect(ColorMap.redYellowGreenReversed.color(atFraction: 1) == RGB(hex: 0xA50026))
        let middle = ColorMap.redYellowGreenReversed.color(atFraction: 0.5)
        #expect(middle.red > 250 && middle.green > 250 && middle.blue > 180)  // pale yellow
    }

    @Test func infernoRunsFromBlackThroughRedToPaleYellow() {
        #expect(ColorMap.inferno.color(atFraction: 0) == RGB(hex: 0x000004))
        #expect(ColorMap.inferno.color(atFraction: 1) == RGB(hex: 0xFCFFA4))
        // matplotlib's inferno(0.5) is (188, 55, 84); ten anchors interpolate it to within 2 levels.
        let middle = ColorMap.inferno.color(atFraction: 0.5)
        #expect(abs(Int(middle.red) - 188) <= 2 && abs(Int(middle.green) - 55) <= 2 && abs(Int(middle.blue) - 84) <= 2)
    }

    @Test(arguments: [(8, [0, 1, 2, 3, 4, 5, 6, 7]), (12, [0, 2, 4, 6, 8, 10]), (15, [0, 2, 4, 6, 8, 10, 12, 14]),
                      (197, [0, 25, 50, 75, 100, 125, 150, 175]), (1, [0])])
    func indexTicksLikeImshow(count: Int, expected: [Int]) {
        #expect(Ticks.indices(count: count) == expected)
    }

    @Test func colourBarTicksAndLabels() {
        #expect(Ticks.labels(Ticks.values(from: 0, to: 0.5)) == ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5"])
        #expect(Ticks.labels(Ticks.values(from: 0, to: 0.3)) == ["0.00", "0.05", "0.10", "0.15", "0.20", "0.25", "0.30"])
        #expect(Ticks.labels(Ticks.values(from: 0, to: 1)) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(Ticks.labels(Ticks.values(from: 0, to: 0.1)) == ["0.00", "0.02", "0.04", "0.06", "0.08", "0.10"])
        #expect(Ticks.labels(Ticks.values(from: 0, to: 10)) == ["0", "2", "4", "6", "8", "10"])
    }

    @Test func summaryTableIsTheNotebooksWithThePrefixMaskAndLLaVAColumns() {
        let lines = ComparisonTable.lines
        #expect(lines.count == 11)
        #expect(lines[1] == "ATTENTION PATTERN COMPARISON")
        #expect(lines[3] == "Property        LLM        ViT        VLM prefix mask  LLaVA-1.5")
        #expect(lines[5] == "Mask Type       Causal     None       Prefix           Causal")
        #expect(lines[8] == "Cross-Modal     N/A        N/A        Text→Image: Yes  Past, both ways")
        #expect(lines.allSatisfy { $0.count <= 70 })
        #expect(!lines.contains { $0.contains("Mixed") })
        #expect(lines.first == String(repeating: "=", count: 70) && lines.last == lines.first)
    }
}
