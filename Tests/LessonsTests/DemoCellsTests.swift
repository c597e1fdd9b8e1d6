import Demos
import Testing

@Suite struct DemoCellsTests {
    @Test func idsAreUniqueAndNamespacedByPart() {
        #expect(Set(DemoCells.ids).count == DemoCells.ids.count)
        #expect(DemoCells.ids.allSatisfy { $0.hasPrefix("part") && $0.contains(".") })
        #expect(DemoCells.run("no.such-cell") == nil)
    }

    @Test func causalDemoPrintsTheMask() {
        #expect(DemoCells.run("part1.causal-demo") == """
            Causal mask for an LLM (1 = cannot attend):
            0 1 1 1 1 1 1 1
            0 0 1 1 1 1 1 1
            0 0 0 1 1 1 1 1
            0 0 0 0 1 1 1 1
            0 0 0 0 0 1 1 1
            0 0 0 0 0 0 1 1
            0 0 0 0 0 0 0 1
            0 0 0 0 0 0 0 0
            (0, 0) masked: false - a token sees itself
            (0, 1) masked: true - token 0 cannot see token 1, its future
            (7, 0) masked: false - the last token sees the first
            masked positions: 28 = 28

            """)
    }

    @Test func cellsKnowTheirSourceFile() {
        #expect(DemoCells.cell("part3.prefix-mask")?.sourcePath == "Sources/Demos/Part3Cells.swift")
    }

    @Test func prefixMaskCellCountsBothQuadrants() throws {
        let output = try #require(DemoCells.run("part3.prefix-mask"))
        #expect(output.hasSuffix("masked positions: 22 = 16 + 6\n"))
    }

    /// Lesson 5's quiz: four panels from one set of scores. A is the prefix mask, B and D the causal
    /// mask (the LLM's and LLaVA-1.5's, identical), C no mask; `.` is exactly zero.
    @Test func whichMaskQuizDrawsThePanelsInItsHiddenOrder() throws {
        let lines = try #require(DemoCells.run("part5.which-mask")).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "weights in tenths (0-9); '.' = exactly zero")
        #expect(lines[1].hasPrefix("panel A") && lines[1].hasSuffix("panel B") && lines[15].hasPrefix("panel C"))
        func panel(_ first: Int, right: Bool) -> [[Character]] {
            lines[first..<(first + 12)].map { line in
                let half = right ? line.suffix(23) : line.prefix(23)
                return half.split(separator: " ").map { $0.first ?? "?" }
            }
        }
        let (a, b, c, d) = (panel(2, right: false), panel(2, right: true), panel(16, right: false), panel(16, right: true))
        #expect(b == d)
        #expect(!c.joined().contains("."))
        for row in 0..<12 {
            for column in 0..<12 {
                let causalZero = column > row
                let prefixZero = column >= 6 && (row < 6 || column > row)
                #expect((b[row][column] == ".") == causalZero, "B[\(row), \(column)]")
                #expect((a[row][column] == ".") == prefixZero, "A[\(row), \(column)]")
            }
        }
    }
}
