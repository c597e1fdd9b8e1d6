import Contracts

/// Draws code, math and table fences for `LessonRenderer`.
struct CodeBlockRenderer {
    let renderer: LessonRenderer

    func lines(for code: CodeBlock, width: Int) -> [StyledLine] {
        switch code.role {
        case .math:
            return code.body.split(separator: "\n").map { [Span("    "), Span(UnicodeMath.render(String($0)), .green)] }
        case .table:
            return TableRenderer.lines(code.body, width: width)
        case .listing where code.language != "swift" && code.locked.isEmpty:
            return code.body.split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast(code.body.hasSuffix("\n") ? 1 : 0)
                .map { [Span("    " + $0)] }
        case .exercise(let id):
            return boxed(code) + (Catalog.exercise(id).map { [[]] + ExerciseLoop.footer($0) } ?? [])
        case .listing, .cell:
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
        if !code.locked.isEmpty {
            let notice = ExerciseLoop.lockedNotice(code.locked).map { [Span($0, .italic)] }
            return box(title + " · hidden", notice)
        }
        let file: [StyledLine] = code.origin.map { [[Span("// " + $0, SwiftHighlighter.commentStyle)], []] } ?? []
        return box(title, file + (code.body.isEmpty ? [] : SwiftHighlighter.lines(code.body)))
    }

    private func box(_ title: String, _ body: [StyledLine]) -> [StyledLine] {
        [[Span("  ╭─ ", .dim), Span(title, .bold)]] + body.map { [Span("  │ ", .dim)] + $0 } + [[Span("  ╰─", .dim)]]
    }

    private func output(of code: CodeBlock) -> [StyledLine] {
        guard let output = code.output else { return [] }
        let text = output.hasSuffix("\n") ? String(output.dropLast()) : output
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { [Span("    " + $0)] }
        let source = code.outputSource.map { [Span(" " + $0 + ":", [.dim, .italic])] } ?? []
        let header = TextWrapper.wrap([Span("⤷ output", .dim)] + source, width: renderer.width - 2)
        return renderer.indented(header, first: Span("  "), rest: Span("      ")) + lines
    }
}
