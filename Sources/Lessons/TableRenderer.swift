/// Draws a ```` ```table ```` fence with box characters, wrapping cell text so the table fits
/// the width: the widest column gives up space first, down to its longest word. When a row
/// wraps, rules separate all body rows.
enum TableRenderer {
    static func lines(_ body: String, width: Int) -> [StyledLine] {
        guard let rows = try? TableParser.rows(body) else { return [[Span(body)]] }
        let cells = rows.map { $0.map(cellText) }
        let widths = columnWidths(cells, available: width - 2 - (3 * cells[0].count + 1))
        func rule(_ left: String, _ middle: String, _ right: String) -> StyledLine {
            [Span("  " + left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right, .dim)]
        }
        let bodyRows = cells.dropFirst().map { row($0, widths: widths, style: []) }
        let separated = bodyRows.contains { $0.count > 1 }
        let body = bodyRows.enumerated().flatMap { index, lines in
            (separated && index > 0 ? [rule("├", "┼", "┤")] : []) + lines
        }
        return [rule("┌", "┬", "┐")] + row(cells[0], widths: widths, style: .bold) + [rule("├", "┼", "┤")]
            + body + [rule("└", "┴", "┘")]
    }

    /// Natural widths, shrunk one column at a time (widest first) until they fit `available`.
    private static func columnWidths(_ cells: [[String]], available: Int) -> [Int] {
        let columns = cells[0].indices
        var widths = columns.map { column in cells.map { $0[column].count }.max() ?? 0 }
        let minimums = columns.map { column in
            cells.flatMap { $0[column].split(separator: " ").map(\.count) }.max() ?? 1
        }
        while widths.reduce(0, +) > available {
            let shrinkable = columns.filter { widths[$0] > minimums[$0] }
            guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
        }
        return widths
    }

    /// One table row, as many lines as its tallest wrapped cell.
    private static func row(_ values: [String], widths: [Int], style: TextStyle) -> [StyledLine] {
        let wrapped = zip(values, widths).map { value, width in
            TextWrapper.wrap([Span(value)], width: width).map { $0.map(\.text).joined() }
        }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { lineIndex in
            var line: StyledLine = [Span("  │", .dim)]
            for (cellLines, width) in zip(wrapped, widths) {
                let text = lineIndex < cellLines.count ? cellLines[lineIndex] : ""
                line += [Span(" "), Span(text, style),
                         Span(String(repeating: " ", count: max(width - text.count, 0) + 1)), Span("│", .dim)]
            }
            return line
        }
    }

    /// A cell's text with `$…$` formulas converted to Unicode.
    private static func cellText(_ text: String) -> String {
        InlineMath.extract([.text(text)]).map { inline in
            if case .math(let latex) = inline { return UnicodeMath.render(latex) }
            return Inline.plainText([inline])
        }.joined()
    }
}
