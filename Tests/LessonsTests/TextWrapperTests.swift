import Testing
@testable import Lessons

@Suite struct TextWrapperTests {
    private func texts(_ lines: [StyledLine]) -> [String] {
        lines.map { $0.map(\.text).joined() }
    }

    @Test func breaksAtSpacesWithinTheWidth() {
        let lines = TextWrapper.wrap([Span("the quick brown fox jumps over")], width: 10)
        #expect(texts(lines) == ["the quick", "brown fox", "jumps over"])
    }

    @Test func keepsStylesAcrossWordsAndPutsLongWordsAlone() {
        let lines = TextWrapper.wrap([Span("a "), Span("bold", .bold), Span(" extraordinarily")], width: 6)
        #expect(lines == [[Span("a"), Span(" "), Span("bold", .bold)], [Span("extraordinarily")]])
        let underlined = TextWrapper.wrap([Span("two words", .underline)], width: 20)
        #expect(underlined == [[Span("two", .underline), Span(" ", .underline), Span("words", .underline)]])
    }

    @Test func emptyTextIsOneEmptyLine() {
        #expect(TextWrapper.wrap([], width: 10) == [[]])
    }
}
