/// Draws a figure for a terminal: suptitle, panels on the figure's grid, the notes after it.
///
/// It picks the largest cell size (up to 4 columns a cell, heatmaps up to about 48 columns) at
/// which the grid fits the width; then fewer panels per row; then it downsamples (block means)
/// and says so in a note.
struct TerminalFigureRenderer {
    static let panelGap = 4
    let figure: Figure
    let style: TerminalStyle

    /// The panels as laid out, how many per row, and the downsampling factor.
    private struct Layout {
        let panels: [TerminalPanel]
        let columns: Int
        let factor: Int
    }

    func render() -> String {
        let layout = chooseLayout()
        var lines: [String] = []
        if let suptitle = figure.suptitle {
            var title = CellGrid(width: max(gridWidth(layout), suptitle.count), height: 1)
            title.putCentered(suptitle, center: title.width / 2, y: 0, bold: true)
            lines += title.text(colors: style.colors) + [""]
        }
        lines += compose(layout).text(colors: style.colors)
        if layout.factor > 1 {
            let panel = figure.panels[0]
            let shrunk = layout.panels[0].source
            lines.append("(downsampled \(panel.rows)×\(panel.columns) → \(shrunk.rows)×\(shrunk.columns) to fit "
                + "\(style.width) columns: each cell is the mean of a \(layout.factor)×\(layout.factor) block)")
        }
        lines += figure.notes
        return lines.joined(separator: "\n") + "\n"
    }

    private func chooseLayout() -> Layout {
        let plain = style.colors == .plain
        let widest = figure.panels.map(\.columns).max() ?? 1
        let largestScale = min(max(48 / widest, 1), 4)
        for columns in stride(from: min(figure.gridColumns, figure.panels.count), through: 1, by: -1) {
            let smallestScale = columns > 1 ? 2 : 1
            for scale in stride(from: largestScale, through: smallestScale, by: -1) {
                let panels = figure.panels.map { TerminalPanel($0, scale: scale, factor: 1, plain: plain) }
                let layout = Layout(panels: panels, columns: columns, factor: 1)
                if gridWidth(layout) <= style.width { return layout }
            }
        }
        var factor = 2
        while true {
            let layout = Layout(panels: figure.panels.map { TerminalPanel($0, scale: 1, factor: factor, plain: plain) },
                                columns: 1, factor: factor)
            if gridWidth(layout) <= style.width || factor >= widest { return layout }
            factor += 1
        }
    }

    /// Width of each column of the panel grid.
    private func columnWidths(_ layout: Layout) -> [Int] {
        (0..<layout.columns).map { column in
            stride(from: column, to: layout.panels.count, by: layout.columns).map { layout.panels[$0].width }.max() ?? 0
        }
    }

    private func gridWidth(_ layout: Layout) -> Int {
        let widths = columnWidths(layout)
        return widths.reduce(0, +) + Self.panelGap * (widths.count - 1)
    }

    private func compose(_ layout: Layout) -> CellGrid {
        let widths = columnWidths(layout)
        let rows = stride(from: 0, to: layout.panels.count, by: layout.columns).map {
            Array(layout.panels[$0..<min($0 + layout.columns, layout.panels.count)])
        }
        let heights = rows.map { $0.map(\.height).max() ?? 0 }
        var grid = CellGrid(width: gridWidth(layout), height: heights.reduce(0, +) + rows.count - 1)
        var y = 0
        for (row, panels) in zip(heights, rows) {
            var x = 0
            for (column, panel) in panels.enumerated() {
                grid.paste(panel.draw(), x: x, y: y)
                x += widths[column] + Self.panelGap
            }
            y += row + 1
        }
        return grid
    }
}

extension Figure {
    /// The figure as terminal text in `style` (colour half blocks or the plain ramp), fitted to
    /// `style.width`, followed by the notebook's notes; ends with a newline.
    public func terminalText(style: TerminalStyle) -> String {
        TerminalFigureRenderer(figure: self, style: style).render()
    }
}
