import TensorKit

/// Text pictures of 2-D attention masks (`true` = masked, the course's convention).
public enum MaskDiagram {
    /// Rows of `0`/`1` like PyTorch's `mask.int()`: 1 = cannot attend.
    public static func bits(_ mask: Mask) -> String {
        precondition(mask.rank == 2, "MaskDiagram.bits: mask of shape \(mask.shape) is not 2-D")
        return (0..<mask.shape[0]).map { row in
            (0..<mask.shape[1]).map { mask[row, $0] ? "1" : "0" }.joined(separator: " ")
        }.joined(separator: "\n")
    }

    /// A labelled grid: `✓` = can attend, `✗` = masked. Rows are queries, columns keys.
    /// A rule is drawn before each index in `groupStarts` (e.g. where text follows the image).
    public static func grid(_ mask: Mask, labels: [String], groupStarts: Set<Int> = []) -> String {
        precondition(mask.rank == 2 && mask.shape[0] == labels.count && mask.shape[1] == labels.count,
                     "MaskDiagram.grid: \(labels.count) labels for a mask of shape \(mask.shape)")
        let cellWidth = max(labels.map(\.count).max() ?? 1, 1) + 1
        func pad(_ text: String) -> String { text + String(repeating: " ", count: cellWidth - text.count) }
        func row(_ label: String, _ cells: [String]) -> String {
            var line = pad(label) + " "
            for (index, cell) in cells.enumerated() {
                line += (groupStarts.contains(index) ? "│ " : "") + pad(cell)
            }
            return line
        }
        var lines = [row("", labels)]
        for query in labels.indices {
            if groupStarts.contains(query) {
                lines.append(String(repeating: "─", count: lines[0].count))
            }
            lines.append(row(labels[query], labels.indices.map { mask[query, $0] ? "✗" : "✓" }))
        }
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }
}
