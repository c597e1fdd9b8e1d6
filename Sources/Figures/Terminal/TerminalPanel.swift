/// One panel laid out in terminal cells: title, y label, region labels, the heatmap with row
/// ticks, the colour bar with its numbers, column ticks and the x label.
///
/// In colour, a heatmap cell is `scale` columns by `scale` half-block pixel rows (`▀`: two pixel
/// rows per line). In plain text it is `scale` columns by `max(1, scale / 2)` lines of one
/// `CharacterRamp` character. A separator adds one column and one pixel row (or line).
struct TerminalPanel {
    let source: DownsampledPanel
    let isPlain: Bool
    let columnAxis: AxisLayout
    let rowAxis: AxisLayout
    let heatmapX: Int
    let barX: Int?
    let barTicks: [(value: Double, label: String)]
    let yLabelText: String
    let colorBarLabelOnOwnLine: Bool
    let width: Int

    init(_ panel: Panel, scale: Int, factor: Int, plain: Bool) {
        source = DownsampledPanel(panel, factor: factor)
        isPlain = plain
        columnAxis = AxisLayout(count: source.columns, cellSize: scale, separators: source.separators)
        rowAxis = AxisLayout(count: source.rows, cellSize: plain ? max(1, scale / 2) : scale,
                             separators: source.separators)
        let leftLabels = source.regionLabels.filter { $0.side == .left }.map(\.text.count)
        let tickWidth = (source.yTicks.map(\.label.count).max() ?? 0) + 1
        heatmapX = (leftLabels.max().map { $0 + 1 } ?? 0) + tickWidth
        let values = Ticks.values(from: panel.vmin, to: panel.vmax)
        barTicks = Array(zip(values, Ticks.labels(values)))
        let yLabel = panel.yLabel + " ↓"
        yLabelText = yLabel
        let heatmapEnd = heatmapX + columnAxis.length
        let bar = panel.hasColorBar ? heatmapEnd + 2 : nil
        barX = bar
        var contentEnd = heatmapEnd
        if let bar { contentEnd = bar + 3 + (barTicks.map(\.label.count).max() ?? 0) }
        colorBarLabelOnOwnLine = bar.map { yLabel.count + 1 > $0 } ?? false
        let barLabelEnd = bar.map { $0 + (panel.colorBarLabel?.count ?? 0) } ?? 0
        width = [contentEnd, barLabelEnd, panel.title.count, yLabel.count, heatmapX + panel.xLabel.count].max() ?? 0
    }

    var panel: Panel { source.panel }
    var heatmapLines: Int { isPlain ? rowAxis.length : (rowAxis.length + 1) / 2 }
    private var hasTopLabels: Bool { source.regionLabels.contains { $0.side == .top } }
    private var heatmapY: Int {
        2 + (colorBarLabelOnOwnLine && panel.colorBarLabel != nil ? 1 : 0) + (hasTopLabels ? 1 : 0)
    }
    var height: Int { heatmapY + heatmapLines + 2 }

    /// The line of row unit `unit` (a pixel row in colour, a line in plain text).
    private func line(ofRowUnit unit: Int) -> Int { isPlain ? unit : unit / 2 }

    func draw() -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        let center = heatmapX + columnAxis.length / 2
        grid.putCentered(panel.title, center: center, y: 0, bold: true)
        grid.put(yLabelText, x: 0, y: 1)
        if let barX, let label = panel.colorBarLabel { grid.put(label, x: barX, y: colorBarLabelOnOwnLine ? 2 : 1) }
        for label in source.regionLabels {
            switch label.side {
            case .top:
                grid.putCentered(label.text, center: heatmapX + columnAxis.center(of: label.span), y: heatmapY - 1,
                                 bold: label.isBold)
            case .left:
                grid.put(label.text, x: 0, y: heatmapY + line(ofRowUnit: rowAxis.center(of: label.span)),
                         bold: label.isBold)
            }
        }
        drawHeatmap(into: &grid)
        drawRowTicks(into: &grid)
        drawColumnTicks(into: &grid)
        if let barX { drawColorBar(into: &grid, x: barX) }
        grid.putCentered(panel.xLabel, center: center, y: heatmapY + heatmapLines + 1)
        return grid
    }

    private func drawRowTicks(into grid: inout CellGrid) {
        for tick in source.yTicks {
            let y = heatmapY + line(ofRowUnit: rowAxis.center(of: tick.position))
            let x = heatmapX - 1 - tick.label.count
            if grid.isBlank(x: x, y: y, length: tick.label.count) { grid.put(tick.label, x: x, y: y) }
        }
    }

    private func drawColumnTicks(into grid: inout CellGrid) {
        var nextFree = 0
        for tick in source.xTicks {
            let x = heatmapX + columnAxis.center(of: tick.position) - (tick.label.count - 1) / 2
            guard x >= nextFree else { continue }
            grid.put(tick.label, x: x, y: heatmapY + heatmapLines)
            nextFree = x + tick.label.count + 1
        }
    }

    private func drawHeatmap(into grid: inout CellGrid) {
        for y in 0..<heatmapLines {
            for x in 0..<columnAxis.length {
                grid[heatmapX + x, heatmapY + y] = isPlain ? plainCell(x: x, unit: y) : colorCell(x: x, line: y)
            }
        }
    }

    private func plainCell(x: Int, unit: Int) -> CellGrid.Cell {
        switch (rowAxis.owners[unit], columnAxis.owners[x]) {
        case let (row?, column?):
            let fraction = source.fraction(row: row, column: column)
            return CellGrid.Cell(character: fraction.map { CharacterRamp.character($0) } ?? "?")
        case (nil, .some):
            return CellGrid.Cell(character: rowAxis.separators[unit]?.style == .dashed ? "╌" : "─")
        case (.some, nil):
            return CellGrid.Cell(character: columnAxis.separators[x]?.style == .dashed ? "╎" : "│")
        case (nil, nil):
            return CellGrid.Cell(character: "┼")
        }
    }

    private func colorCell(x: Int, line: Int) -> CellGrid.Cell {
        let top = pixel(x: x, unit: 2 * line)
        let bottom = 2 * line + 1 < rowAxis.length ? pixel(x: x, unit: 2 * line + 1) : nil
        return Self.halfBlock(top: top, bottom: bottom)
    }

    /// The colour at column `x`, pixel row `unit`: the data, or a separator (whose dashes leave
    /// gaps showing the cell before the line).
    private func pixel(x: Int, unit: Int) -> RGB? {
        switch (rowAxis.owners[unit], columnAxis.owners[x]) {
        case let (row?, column?):
            return source.color(row: row, column: column)
        case (nil, let column?):
            guard let separator = rowAxis.separators[unit] else { return nil }
            guard separator.style == .dashed, (x / 2) % 2 == 1, let row = rowAxis.cellBefore(unit) else {
                return separator.color
            }
            return source.color(row: row, column: column)
        case (let row?, nil):
            guard let separator = columnAxis.separators[x] else { return nil }
            guard separator.style == .dashed, (unit / 2) % 2 == 1, let column = columnAxis.cellBefore(x) else {
                return separator.color
            }
            return source.color(row: row, column: column)
        case (nil, nil):
            return rowAxis.separators[unit]?.color
        }
    }

    private func drawColorBar(into grid: inout CellGrid, x: Int) {
        let units = rowAxis.length
        func fraction(_ unit: Int) -> Double { 1 - (Double(unit) + 0.5) / Double(units) }
        for y in 0..<heatmapLines {
            let cell: CellGrid.Cell
            if isPlain {
                cell = CellGrid.Cell(character: CharacterRamp.character(fraction(y)))
            } else {
                let top = panel.colorMap.color(atFraction: fraction(2 * y))
                let bottom = 2 * y + 1 < units ? panel.colorMap.color(atFraction: fraction(2 * y + 1)) : nil
                cell = Self.halfBlock(top: top, bottom: bottom)
            }
            grid[x, heatmapY + y] = cell
            grid[x + 1, heatmapY + y] = cell
        }
        // The ends first, so they always get their numbers.
        let order = [barTicks.count - 1, 0] + Array(1..<max(1, barTicks.count - 1))
        var used = Set<Int>()
        let span = Double(panel.vmax - panel.vmin)
        for index in order {
            let fraction = span > 0 ? (barTicks[index].value - Double(panel.vmin)) / span : 0
            let unit = min(max(Int(((1 - fraction) * Double(units)).rounded(.down)), 0), units - 1)
            let y = line(ofRowUnit: unit)
            guard used.insert(y).inserted else { continue }
            grid.put(barTicks[index].label, x: x + 3, y: heatmapY + y)
        }
    }

    private static func halfBlock(top: RGB?, bottom: RGB?) -> CellGrid.Cell {
        switch (top, bottom) {
        case (nil, nil): return CellGrid.Cell()
        case (nil, let bottom?): return CellGrid.Cell(character: "▄", foreground: bottom)
        case (let top?, let bottom): return CellGrid.Cell(character: "▀", foreground: top, background: bottom)
        }
    }
}
