/// Text naming a block of tokens beside a heatmap, like the notebook's `ax.text(…, 'Image')`.
public struct RegionLabel: Sendable, Hashable, Codable {
    /// Above the columns it names, or left of the rows it names (rotated in the PNG).
    public enum Side: Sendable, Hashable, Codable {
        case top, left
    }

    public var text: String
    public var side: Side
    /// The columns (`top`) or rows (`left`) the label is centred on.
    public var span: Range<Int>
    public var isBold: Bool

    public init(_ text: String, side: Side, span: Range<Int>, isBold: Bool = false) {
        self.text = text
        self.side = side
        self.span = span
        self.isBold = isBold
    }
}
