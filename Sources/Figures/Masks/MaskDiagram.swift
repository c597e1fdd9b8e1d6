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
    /// Rows are built as UTF-8 bytes: a 4,096-token layout has 16.8 million cells.
    public static func grid(_ mask: Mask, labels: [String], groupStarts: Set<Int> = []) -> String {
        precondition(mask.rank == 2 && mask.shape[0] == labels.count && mask.shape[1] == labels.count,
                     "MaskDiagram.grid: \(labels.count) labels for a mask of shape \(mask.shape)")
        let n = labels.count
        let cellWidth = max(labels.map(\.count).max() ?? 1, 1) + 1
        func pad(_ text: String) -> [UInt8] { Array((text + String(repeating: " ", count: cellWidth - text.count)).utf8) }
        let rules = (0..<n).map { groupStarts.contains($0) ? Array("│ ".utf8) : [] }
        let marks = [pad("✓"), pad("✗")]
        func row(_ label: String, _ cell: (Int) -> [UInt8]) -> [UInt8] {
            var line = pad(label) + [UInt8(ascii: " ")]
            for index in 0..<n {
                line += rules[index]
                line += cell(index)
            }
            return line
        }
        let header = row("") { pad(labels[$0]) }
        let ruleLine = String(repeating: "─", count: String(decoding: header, as: UTF8.self).count)
        var lines = [header]
        for query in 0..<n {
            if groupStarts.contains(query) { lines.append(Array(ruleLine.utf8)) }
            lines.append(row(labels[query]) { marks[mask.values[query * n + $0] ? 1 : 0] })
        }
        return lines.map { line in
            String(decoding: line[..<(line.lastIndex { $0 != UInt8(ascii: " ") }.map { $0 + 1 } ?? 0)], as: UTF8.self)
        }.joined(separator: "\n")
    }

    /// Blocks of lines next to each other, four columns apart, as many to a row as fit in `width`
    /// (at least one); rows of blocks are separated by an empty line.
    public static func sideBySide(_ blocks: [[String]], width: Int) -> String {
        let widths = blocks.map { $0.map(\.unicodeScalars.count).max() ?? 0 }  // one scalar per column here
        var rows: [[Int]] = [], used = 0
        for index in blocks.indices {
            if let last = rows.last, !last.isEmpty, used + 4 + widths[index] <= width {
                rows[rows.count - 1].append(index)
                used += 4 + widths[index]
            } else {
                rows.append([index])
                used = widths[index]
            }
        }
        return rows.map { row in
            (0..<(row.map { blocks[$0].count }.max() ?? 0)).map { line in
                let cells = row.map { index in
                    let text = line < blocks[index].count ? blocks[index][line] : ""
                    return text + String(repeating: " ", count: widths[index] - text.unicodeScalars.count)
                }
                var line = cells.joined(separator: "    ")
                while line.hasSuffix(" ") { line.removeLast() }
                return line
            }.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}
