/// A block of a lesson: the Swift value that the parser makes of one CommonMark block node.
public enum Block: Equatable, Sendable {
    /// `#` … `######` headings; `level` is 1…6.
    case heading(level: Int, [Inline])
    case paragraph([Inline])
    /// A bullet (`ordered == false`) or numbered list; each item is a list of blocks, so lists nest.
    case list(ordered: Bool, start: Int, items: [[Block]])
    case blockQuote([Block])
    /// A fenced or indented code block, including the course's `math`, `table`, exercise and cell fences.
    case code(CodeBlock)
    /// `---`.
    case thematicBreak
    /// Raw HTML (for instance `<!-- comments -->`); never shown.
    case html(String)
}
