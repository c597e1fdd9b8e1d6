/// Reads the body of a ```` ```table ```` fence.
///
/// Each non-blank line is a row of cells separated by `|`; outer pipes are optional. The first row
/// is the header. A row made only of dashes and colons (`|---|:--:|`) is a Markdown-style
/// separator and is skipped. Every row must have as many cells as the header. Cells may contain
/// `$…$` formulas.
public enum TableParser {
    /// The rows of `body`, header first, cells trimmed.
    /// - Throws: `LessonFormatError` when the table is empty or a row's cell count differs from the header's.
    public static func rows(_ body: String) throws(LessonFormatError) -> [[String]] {
        let rows = body.split(separator: "\n").map(cells).filter { !$0.isEmpty && !isSeparator($0) }
        guard let header = rows.first else { throw LessonFormatError(reason: "table has no rows") }
        for (index, row) in rows.enumerated() where row.count != header.count {
            throw LessonFormatError(
                reason: "table row \(index + 1) has \(row.count) cells, the header has \(header.count)")
        }
        return rows
    }

    private static func cells(_ line: Substring) -> [String] {
        var trimmed = line.trimmingSpaces
        guard !trimmed.isEmpty else { return [] }
        if trimmed.hasPrefix("|") { trimmed.removeFirst() }
        if trimmed.hasSuffix("|") { trimmed.removeLast() }
        return trimmed.split(separator: "|", omittingEmptySubsequences: false).map { String($0.trimmingSpaces) }
    }

    private static func isSeparator(_ row: [String]) -> Bool {
        row.allSatisfy { cell in !cell.isEmpty && cell.allSatisfy { $0 == "-" || $0 == ":" } }
    }
}

extension Substring {
    /// The substring without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
