/// A panel shrunk for a narrow terminal: each drawn cell is the mean of a `factor × factor` block,
/// ticks keep their original numbers, and separators and region labels move to the block they fall in.
struct DownsampledPanel {
    let panel: Panel
    let factor: Int
    /// Block means, `data[row][column]` (NaN where a block has no number).
    let data: [[Float]]
    /// Drawn column and label of each x tick.
    let xTicks: [(position: Int, label: String)]
    /// Drawn row and label of each y tick.
    let yTicks: [(position: Int, label: String)]
    let separators: [Separator]
    let regionLabels: [RegionLabel]

    init(_ panel: Panel, factor: Int) {
        precondition(factor >= 1, "DownsampledPanel: factor must be at least 1, got \(factor)")
        self.panel = panel
        self.factor = factor
        let rows = (panel.rows + factor - 1) / factor, columns = (panel.columns + factor - 1) / factor
        data = (0..<rows).map { row in
            (0..<columns).map { column in
                let block = (row * factor..<min((row + 1) * factor, panel.rows)).flatMap { r in
                    (column * factor..<min((column + 1) * factor, panel.columns)).map { panel.data[r][$0] }
                }.filter { !$0.isNaN }
                return block.isEmpty ? .nan : block.reduce(0, +) / Float(block.count)
            }
        }
        func shrink(_ ticks: [Int]) -> [(position: Int, label: String)] {
            var seen = Set<Int>()
            return ticks.compactMap { seen.insert($0 / factor).inserted ? ($0 / factor, String($0)) : nil }
        }
        xTicks = shrink(panel.xTicks)
        yTicks = shrink(panel.yTicks)
        separators = panel.separators.map {
            Separator(index: Int((Double($0.index) / Double(factor)).rounded()), style: $0.style, color: $0.color)
        }
        regionLabels = panel.regionLabels.map { label in
            let lower = label.span.lowerBound / factor
            let upper = max(lower + 1, (label.span.upperBound + factor - 1) / factor)
            return RegionLabel(label.text, side: label.side, span: lower..<upper, isBold: label.isBold)
        }
    }

    var rows: Int { data.count }
    var columns: Int { data[0].count }

    /// The colour of drawn cell (`row`, `column`), or `nil` for NaN.
    func color(row: Int, column: Int) -> RGB? {
        panel.colorMap.color(for: data[row][column], vmin: panel.vmin, vmax: panel.vmax)
    }

    /// The position of drawn cell (`row`, `column`) on the colour scale, in [0, 1], or `nil` for NaN.
    func fraction(row: Int, column: Int) -> Double? {
        let value = data[row][column]
        guard !value.isNaN else { return nil }
        let span = Double(panel.vmax - panel.vmin)
        return span > 0 ? min(max((Double(value) - Double(panel.vmin)) / span, 0), 1) : 0
    }
}
