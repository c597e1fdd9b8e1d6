/// A run of inline content inside a paragraph, heading or table cell.
public enum Inline: Equatable, Sendable {
    /// Plain text.
    case text(String)
    /// `` `code` ``: shown verbatim.
    case code(String)
    /// `*emphasis*`.
    case emphasis([Inline])
    /// `**strong**`.
    case strong([Inline])
    /// `[text](destination)`.
    case link(destination: String, [Inline])
    /// `$…$`: a LaTeX formula, converted to Unicode when rendered.
    case math(String)
    /// A line break inside a paragraph that rendering turns into a space.
    case softBreak
    /// A hard line break (two trailing spaces or a backslash).
    case lineBreak

    /// The text of `inlines` without styling, with formulas left as written.
    public static func plainText(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text), .code(let text), .math(let text): text
            case .emphasis(let children), .strong(let children), .link(_, let children): plainText(children)
            case .softBreak: " "
            case .lineBreak: "\n"
            }
        }.joined()
    }
}
