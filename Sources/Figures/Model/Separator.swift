/// A line across a heatmap between two blocks of tokens, like the notebook's
/// `ax.axhline(y=n - 0.5)` together with `ax.axvline(x=n - 0.5)`.
public struct Separator: Sendable, Hashable, Codable {
    /// Solid or dashed (`linestyle='--'`).
    public enum Style: Sendable, Hashable, Codable {
        case solid, dashed
    }

    /// The line runs between rows `index - 1` and `index`, and between columns `index - 1` and `index`.
    public var index: Int
    public var style: Style
    public var color: RGB

    public init(index: Int, style: Style, color: RGB) {
        self.index = index
        self.style = style
        self.color = color
    }
}
