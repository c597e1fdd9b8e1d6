/// The text a demo cell prints; `print` mirrors Swift's `print` with one line per call.
public struct CellOutput: Sendable {
    /// Everything printed so far.
    public private(set) var text = ""

    /// Empty output.
    public init() {}

    /// Appends the items separated by spaces, then a newline.
    public mutating func print(_ items: Any..., separator: String = " ") {
        text += items.map { "\($0)" }.joined(separator: separator) + "\n"
    }
}
