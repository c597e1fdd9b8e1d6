/// Draws code, math and table fences for `LessonRenderer`.
struct CodeBlockRenderer {
    let renderer: LessonRenderer

    func lines(for code: CodeBlock, width: Int) -> [StyledLine] {
        switch code.role {
        case .math:
            return code.body.split(separator: "\n").map { [Span("    "), Span(UnicodeMath.render(String($0)), .green)] }
        case .table:
            return TableRenderer.lines(code.body, width: width)
        case .listing where code.language != "swift":
            return code.body.split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast(code.body.hasSuffix("\n") ? 1 : 0)
                .map { [Span("    " + $0)] }
        case .listing, .exercise, .cell:
            return boxed(code) + output(of: code)
        }
    }

    private func boxed(_ code: CodeBlock) -> [StyledLine] {
        var title = code.language ?? "code"
        switch code.role {
        case .exercise(let id): title = "exercise \(id) · you write this"
        case .cell(let id): title = "cell \(id)"
        case .listing, .math, .table: break
        }
        let file: [StyledLine] = code.origin.map { [[Span("// " + $0, SwiftHighlighter.commentStyle)], []] } ?? []
        let body = (file + (code.body.isEmpty ? [] : SwiftHighlighter.lines(code.body))).map { [Span("  │ ", .dim)] + $0 }
        return [[Span("  ╭─ ", .dim), Span(title, .bold)]] + body + [[Span("  ╰─", .dim)]]
    }

    private func output(of code: CodeBlock) -> [StyledLine] {
        guard let output = code.output else { return [] }
        let text = output.hasSuffix("\n") ? String(output.dropLast()) : output
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { [Span("    " + $0)] }
        return [[Span("  ⤷ output", .dim)]] + lines
    }
}
