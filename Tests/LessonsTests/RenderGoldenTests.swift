import Testing
@testable import Lessons

/// The fixture lesson rendered as a terminal would show it; goldens live in `Goldens/` and are
/// re-recorded with `RECORD_GOLDENS=1 swift test`.
@Suite struct RenderGoldenTests {
    let blocks: [Block]

    init() throws {
        blocks = try LessonParser.parse(try TestPaths.fixture("everything.md"))
    }

    @Test func plainRenderingAt60Columns() throws {
        let text = StyledText.string(LessonRenderer(width: 60, plain: true).lines(for: blocks), color: false)
        #expect(!text.contains("\u{1B}"))
        #expect(try TestPaths.golden("everything-plain-60.txt", matches: text))
    }

    @Test func plainRenderingAt32Columns() throws {
        let text = StyledText.string(LessonRenderer(width: 32, plain: true).lines(for: blocks), color: false)
        #expect(try TestPaths.golden("everything-plain-32.txt", matches: text))
    }

    @Test func colourRenderingUsesEscapeCodes() throws {
        let text = StyledText.string(LessonRenderer(width: 60, plain: false).lines(for: blocks), color: true)
        #expect(text.hasPrefix("\u{1B}[1;36mEverything: a fixture lesson\u{1B}[0m\n"))
        #expect(text.contains("a \u{1B}[4;34mlink\u{1B}[0m\n\u{1B}[2m(https://example.com/docs)\u{1B}[0m"))
        #expect(try TestPaths.golden("everything-color-60.txt", matches: text))
    }

    @Test func rendererNeverGoesBelowTwentyColumns() {
        #expect(LessonRenderer(width: 3, plain: true).width == 20)
    }
}
