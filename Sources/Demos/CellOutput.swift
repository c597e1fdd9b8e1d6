import Figures
import Foundation
import TensorKit

/// The text a demo cell prints; `print` mirrors Swift's `print`.
public struct CellOutput: Sendable {
    /// Everything printed so far.
    public private(set) var text = ""
    /// Whether figures may use colour escapes (the lesson is shown in colour on a terminal).
    public let color: Bool
    /// Columns available to the cell's output.
    public let width: Int

    /// Empty output for a display of `width` columns, in colour or not.
    public init(color: Bool = false, width: Int = 80) {
        self.color = color
        self.width = width
    }

    /// Appends the items separated by `separator`, then `terminator`.
    public mutating func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
        text += items.map { "\($0)" }.joined(separator: separator) + terminator
    }

    /// Appends `prose` as one paragraph: broken at spaces into lines of at most `width` columns (a
    /// longer word stands alone on its line).
    public mutating func paragraph(_ prose: String) {
        var lines: [String] = []
        for word in prose.split(separator: " ") {
            if let last = lines.last, last.count + 1 + word.count <= width {
                lines[lines.count - 1] += " " + word
            } else {
                lines.append(String(word))
            }
        }
        text += lines.map { $0 + "\n" }.joined()
    }

    /// How figures are drawn in this output: `width` columns, in colour (the depth `COLORTERM`
    /// announces, `TerminalProbe.colorDepth`) or with the plain ramp.
    public var style: TerminalStyle {
        TerminalStyle(colors: color ? TerminalProbe.colorDepth(ProcessInfo.processInfo.environment) : .plain, width: width)
    }

    /// Draws `figure` as a terminal heatmap (colour half blocks, or the plain ramp), then its notes.
    public mutating func show(_ figure: Figure) {
        text += figure.terminalText(style: style)
        if !text.hasSuffix("\n") { text += "\n" }
    }
}

extension Tensor {
    /// A 2-D tensor's rows, for the figure builders.
    var rows: [[Float]] {
        precondition(rank == 2, "rows: expected a 2-D tensor, got shape \(shape)")
        let values = scalars
        return (0..<dim(0)).map { Array(values[($0 * dim(1))..<(($0 + 1) * dim(1))]) }
    }
}
