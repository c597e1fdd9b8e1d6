/// A piece of text in one style.
public struct Span: Equatable, Sendable {
    /// The characters, shown as they are.
    public var text: String
    /// How they look on a colour terminal.
    public var style: TextStyle

    /// A span of `text` in `style` (plain by default).
    public init(_ text: String, _ style: TextStyle = []) {
        self.text = text
        self.style = style
    }
}

