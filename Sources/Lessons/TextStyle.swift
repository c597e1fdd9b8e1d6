/// Terminal text attributes; each maps to one ANSI SGR code, and styles combine by union.
public struct TextStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let bold = TextStyle(rawValue: 1 << 0)
    public static let dim = TextStyle(rawValue: 1 << 1)
    public static let italic = TextStyle(rawValue: 1 << 2)
    public static let underline = TextStyle(rawValue: 1 << 3)
    public static let red = TextStyle(rawValue: 1 << 4)
    public static let green = TextStyle(rawValue: 1 << 5)
    public static let yellow = TextStyle(rawValue: 1 << 6)
    public static let blue = TextStyle(rawValue: 1 << 7)
    public static let magenta = TextStyle(rawValue: 1 << 8)
    public static let cyan = TextStyle(rawValue: 1 << 9)

    /// The SGR parameters in a fixed order, e.g. `"1;36"`.
    var sgrParameters: String {
        let codes: [(TextStyle, String)] = [
            (.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"), (.red, "31"), (.green, "32"),
            (.yellow, "33"), (.blue, "34"), (.magenta, "35"), (.cyan, "36"),
        ]
        return codes.filter { contains($0.0) }.map(\.1).joined(separator: ";")
    }
}

/// A piece of text in one style.
public struct Span: Equatable, Sendable {
    public var text: String
    public var style: TextStyle

    public init(_ text: String, _ style: TextStyle = []) {
        self.text = text
        self.style = style
    }
}

/// One output line made of styled spans.
public typealias StyledLine = [Span]

/// Turns styled lines into text, with ANSI escapes or without.
public enum StyledText {
    /// `lines` joined by newlines; escape codes only when `color` is true; trailing spaces removed.
    public static func string(_ lines: [StyledLine], color: Bool) -> String {
        lines.map { line(for: $0, color: color) }.joined(separator: "\n") + "\n"
    }

    static func line(for spans: StyledLine, color: Bool) -> String {
        var text = spans.map { span in
            color && !span.style.isEmpty && !span.text.isEmpty
                ? "\u{1B}[\(span.style.sgrParameters)m\(span.text)\u{1B}[0m" : span.text
        }.joined()
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    /// The number of characters a line occupies (one column per `Character`).
    static func width(_ spans: StyledLine) -> Int {
        spans.reduce(0) { $0 + $1.text.count }
    }
}
