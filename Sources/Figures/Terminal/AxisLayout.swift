/// Where each data cell and each separator line falls along one axis of a terminal heatmap,
/// in units of character columns or of half-block pixel rows.
struct AxisLayout {
    /// The units each cell takes.
    let cellSize: Int
    /// The first unit of each cell.
    let starts: [Int]
    /// For every unit, the cell drawn there, or `nil` where a separator line runs.
    let owners: [Int?]
    /// The separator drawn at each separator unit.
    let separators: [Int: Separator]

    /// `count` cells of `cellSize` units, with one extra unit for each separator before its index.
    init(count: Int, cellSize: Int, separators: [Separator]) {
        var starts: [Int] = [], owners: [Int?] = [], lines: [Int: Separator] = [:]
        for cell in 0..<count {
            if cell > 0, let separator = separators.first(where: { $0.index == cell }) {
                lines[owners.count] = separator
                owners.append(nil)
            }
            starts.append(owners.count)
            owners.append(contentsOf: Array(repeating: cell, count: cellSize))
        }
        self.cellSize = cellSize
        self.starts = starts
        self.owners = owners
        self.separators = lines
    }

    /// Total units along the axis.
    var length: Int { owners.count }

    /// The middle unit of `cell`.
    func center(of cell: Int) -> Int { starts[cell] + (cellSize - 1) / 2 }

    /// The middle unit of the cells `span`.
    func center(of span: Range<Int>) -> Int {
        (starts[span.lowerBound] + starts[span.upperBound - 1] + cellSize - 1) / 2
    }

    /// The cell just before separator unit `unit` (a dashed line's gaps show it).
    func cellBefore(_ unit: Int) -> Int? { unit > 0 ? owners[unit - 1] : nil }
}
