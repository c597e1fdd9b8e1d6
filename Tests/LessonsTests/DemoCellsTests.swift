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
}
