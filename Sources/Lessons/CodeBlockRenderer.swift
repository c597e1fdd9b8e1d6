/// Draws code, math and table fences for `TerminalRenderer`.
struct CodeBlockRenderer {
    let renderer: TerminalRenderer

    func lines(for code: CodeBlock, width: Int) -> [StyledLine] {
        switch code.role {
        case .math:
            return code.body.split(separator: "\n").map { [Span("    "), Span(UnicodeMath.render(String($0)), .green)] }
        case .table:
            return table(code.body)
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
        if let origin = code.origin { title += " · \(origin)" }
        let body = SwiftHighlighter.lines(code.body).map { [Span("  │ ", .dim)] + $0 }
        return [[Span("  ╭─ ", .dim), Span(title, .bold)]] + body + [[Span("  ╰─", .dim)]]
    }

    private func output(of code: CodeBlock) -> [StyledLine] {
        guard let output = code.output else { return [] }
        let text = output.hasSuffix("\n") ? String(output.dropLast()) : output
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { [Span("    " + $0)] }
        return [[Span("  ⤷ output", .dim)]] + lines
    }

    private func table(_ body: String) -> [StyledLine] {
        guard let rows = try? TableParser.rows(body) else { return [[Span(body)]] }
        let cells = rows.map { row in row.map(renderCell) }
        let columnCount = cells[0].count
        let widths = (0..<columnCount).map { column in cells.map { $0[column].count }.max() ?? 0 }
        func rule(_ left: String, _ middle: String, _ right: String) -> StyledLine {
            [Span("  " + left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right, .dim)]
        }
        func row(_ values: [String], style: TextStyle) -> StyledLine {
            var line: StyledLine = [Span("  │", .dim)]
            for (value, columnWidth) in zip(values, widths) {
                line += [Span(" "), Span(value, style),
                         Span(String(repeating: " ", count: columnWidth - value.count + 1)), Span("│", .dim)]
            }
            return line
        }
        return [rule("┌", "┬", "┐"), row(cells[0], style: .bold), rule("├", "┼", "┤")]
            + cells.dropFirst().map { row($0, style: []) } + [rule("└", "┴", "┘")]
    }

    /// A cell's text with `$…$` formulas converted to Unicode.
    private func renderCell(_ text: String) -> String {
        let inlines = InlineMath.extract([.text(text)])
        return inlines.map { inline in
            if case .math(let latex) = inline { return UnicodeMath.render(latex) }
            return Inline.plainText([inline])
        }.joined()
    }
}
