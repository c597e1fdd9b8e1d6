/// Terminal text attributes; each maps to one ANSI SGR code, and styles combine by union.
public struct TextStyle: OptionSet, Hashable, Sendable {
    /// One bit per attribute.
    public let rawValue: UInt16
    /// The style with the attributes set in `rawValue`.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Headings, strong text, keywords (SGR 1).
    public static let bold = TextStyle(rawValue: 1 << 0)
    /// Frames, markers and secondary text (SGR 2).
    public static let dim = TextStyle(rawValue: 1 << 1)
    /// Emphasis and comments (SGR 3).
    public static let italic = TextStyle(rawValue: 1 << 2)
    /// Links and the first heading (SGR 4).
    public static let underline = TextStyle(rawValue: 1 << 3)
    /// Formulas, string literals and done marks (SGR 32).
    public static let green = TextStyle(rawValue: 1 << 4)
    /// Second-level headings and numbers (SGR 33).
    public static let yellow = TextStyle(rawValue: 1 << 5)
    /// Link text (SGR 34).
    public static let blue = TextStyle(rawValue: 1 << 6)
    /// Keywords (SGR 35).
    public static let magenta = TextStyle(rawValue: 1 << 7)
    /// Code, types and commands (SGR 36).
    public static let cyan = TextStyle(rawValue: 1 << 8)

    /// The SGR parameters in a fixed order, e.g. `"1;36"`.
    var sgrParameters: String {
        let codes: [(TextStyle, String)] = [
            (.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"), (.green, "32"),
            (.yellow, "33"), (.blue, "34"), (.magenta, "35"), (.cyan, "36"),
        ]
        return codes.filter { contains($0.0) }.map(\.1).joined(separator: ";")
    }
}
