/// One output line made of styled spans.
public typealias StyledLine = [Span]

/// Turns styled lines into text, with ANSI escapes or without.
public enum StyledText {
    /// Joins words that wrapping must not separate; written out as a plain space.
    static let noBreakSpace: Character = "\u{00A0}"

    /// `lines` joined by newlines; escape codes only when `color` is true; trailing spaces removed.
    public static func string(_ lines: [StyledLine], color: Bool) -> String {
        lines.map { line(for: $0, color: color) }.joined(separator: "\n") + "\n"
    }

    static func line(for spans: StyledLine, color: Bool) -> String {
        var text = merged(spans).map { span in
            let visible = String(span.text.map { $0 == noBreakSpace ? " " : $0 })
            return color && !span.style.isEmpty && !span.text.isEmpty
                ? "\u{1B}[\(span.style.sgrParameters)m\(visible)\u{1B}[0m" : visible
        }.joined()
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    /// `spans` with neighbours of the same style joined, so each style run gets one escape.
    static func merged(_ spans: StyledLine) -> StyledLine {
        var result: StyledLine = []
        for span in spans {
            if let last = result.last, last.style == span.style {
                result[result.count - 1].text += span.text
            } else {
                result.append(span)
            }
        }
        return result
    }

    /// The number of characters a line occupies (one column per `Character`).
    static func width(_ spans: StyledLine) -> Int {
        spans.reduce(0) { $0 + $1.text.count }
    }
}
