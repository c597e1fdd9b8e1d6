import Testing
@testable import Lessons

@Suite struct SwiftHighlighterTests {
    @Test func coloursEachKindOfToken() {
        let lines = SwiftHighlighter.lines("let n = 42 // six times seven\nprint(\"a \\\"b\\\"\", Mask.self)\n")
        #expect(lines.count == 2)
        #expect(lines[0] == [
            Span("let", SwiftHighlighter.keywordStyle), Span(" "), Span("n"), Span(" "), Span("="), Span(" "),
            Span("42", SwiftHighlighter.numberStyle), Span(" "), Span("// six times seven", SwiftHighlighter.commentStyle),
        ])
        #expect(lines[1] == [
            Span("print"), Span("("), Span("\"a \\\"b\\\"\"", SwiftHighlighter.stringStyle), Span(","), Span(" "),
            Span("Mask", SwiftHighlighter.typeStyle), Span("."), Span("self", SwiftHighlighter.keywordStyle), Span(")"),
        ])
    }

    @Test func blockCommentSpansLines() {
        let lines = SwiftHighlighter.lines("/* one\ntwo */ x")
        #expect(lines == [[Span("/* one", SwiftHighlighter.commentStyle)],
                          [Span("two */", SwiftHighlighter.commentStyle), Span(" "), Span("x")]])
    }
}
