/// Lays out lesson blocks as styled lines for a terminal of a given width.
///
/// Headings are underlined, paragraphs wrapped, lists and quotes indented, code boxed and
/// coloured, formulas converted to Unicode and tables drawn with box characters. Whether escape
/// codes appear is decided later by `StyledText.string(_:color:)`; `plain` only adds the
/// backticks around inline code that colour would otherwise mark.
public struct LessonRenderer: Sendable {
    /// Columns available; never less than 20.
    public var width: Int
    /// True when the output will have no colour.
    public var plain: Bool
    /// How many lists enclose the blocks being rendered; picks the bullet.
    private var listDepth = 0

    /// A renderer for `width` columns; `plain` when no colour will be shown.
    public init(width: Int, plain: Bool) {
        self.width = max(width, 20)
        self.plain = plain
    }

    /// The lines of `blocks`, separated by blank lines.
    public func lines(for blocks: [Block]) -> [StyledLine] {
        lines(for: blocks, width: width, separatedBy: [[]])
    }

    func lines(for blocks: [Block], width: Int, separatedBy separator: [StyledLine]) -> [StyledLine] {
        var result: [StyledLine] = []
        for block in blocks {
            let blockLines = lines(for: block, width: width)
            if blockLines.isEmpty { continue }
            if !result.isEmpty { result += separator }
            result += blockLines
        }
        return result
    }

    func lines(for block: Block, width: Int) -> [StyledLine] {
        switch block {
        case .heading(let level, let inlines):
            return heading(level: level, inlines: inlines, width: width)
        case .paragraph(let inlines):
            return paragraph(inlines, width: width, style: [])
        case .list(let ordered, let start, let items):
            return list(ordered: ordered, start: start, items: items, width: width)
        case .blockQuote(let children):
            return indented(lines(for: children, width: width - 2, separatedBy: [[]]),
                            first: Span("│ ", .dim), rest: Span("│ ", .dim))
        case .code(let code):
            return CodeBlockRenderer(renderer: self).lines(for: code, width: width)
        case .thematicBreak:
            return [[Span(String(repeating: "─", count: width), .dim)]]
        case .html:
            return []
        }
    }

    private func heading(level: Int, inlines: [Inline], width: Int) -> [StyledLine] {
        let styles: [TextStyle] = [[.bold, .cyan], [.bold, .yellow], .bold]
        let style = styles[min(level, styles.count) - 1]
        let text = paragraph(inlines, width: width, style: style)
        guard level <= 2 else { return text }
        let underlineWidth = min(text.map(StyledText.width).max() ?? 0, width)
        return text + [[Span(String(repeating: level == 1 ? "═" : "─", count: underlineWidth), style)]]
    }

    /// Wrapped inline content; hard line breaks start new lines.
    func paragraph(_ inlines: [Inline], width: Int, style: TextStyle) -> [StyledLine] {
        var segments: [[Inline]] = [[]]
        for inline in inlines {
            if inline == .lineBreak { segments.append([]) } else { segments[segments.count - 1].append(inline) }
        }
        return segments.flatMap { TextWrapper.wrap(spans(for: $0, style: style), width: width) }
    }

    func spans(for inlines: [Inline], style: TextStyle) -> [Span] {
        inlines.flatMap { inline -> [Span] in
            switch inline {
            case .text(let text): [Span(text, style)]
            case .code(let code): [Span(Self.unbreakable(plain ? "`\(code)`" : code), style.union(.cyan))]
            case .emphasis(let children): spans(for: children, style: style.union(.italic))
            case .strong(let children): spans(for: children, style: style.union(.bold))
            case .math(let latex): [Span(Self.unbreakable(UnicodeMath.render(latex)), style.union(.green))]
            case .softBreak, .lineBreak: [Span(" ", style)]
            case .link(let destination, let children):
                linkSpans(text: spans(for: children, style: style.union([.underline, .blue])),
                          destination: destination, style: style)
            }
        }
    }

    /// `text` with no-break spaces, so wrapping keeps a code span or formula on one line;
    /// `StyledText` turns them back into spaces.
    static func unbreakable(_ text: String) -> String {
        String(text.map { $0 == " " ? StyledText.noBreakSpace : $0 })
    }

    private func linkSpans(text: [Span], destination: String, style: TextStyle) -> [Span] {
        let label = text.map(\.text).joined()
        if label == destination || destination.isEmpty { return text }
        return text + [Span(" (\(destination))", style.union(.dim))]
    }

    private func list(ordered: Bool, start: Int, items: [[Block]], width: Int) -> [StyledLine] {
        let lastNumber = start + items.count - 1
        let markerWidth = ordered ? String(lastNumber).count + 2 : 2
        return items.enumerated().flatMap { offset, item -> [StyledLine] in
            let bullets = ["•", "◦", "▪"]
            let marker = ordered ? "\(start + offset)." : bullets[listDepth % bullets.count]
            let padded = marker + String(repeating: " ", count: markerWidth - marker.count)
            var nested = self
            nested.listDepth += 1
            let body = nested.lines(for: item, width: width - markerWidth, separatedBy: [])
            return indented(body, first: Span(padded, .dim),
                            rest: Span(String(repeating: " ", count: markerWidth)))
        }
    }

    /// `lines` with `first` before the first line and `rest` before the others.
    func indented(_ lines: [StyledLine], first: Span, rest: Span) -> [StyledLine] {
        lines.enumerated().map { index, line in [index == 0 ? first : rest] + line }
    }
}
