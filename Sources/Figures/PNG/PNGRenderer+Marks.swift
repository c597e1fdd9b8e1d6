extension PNGRenderer {
    /// A `.marksPerColumn` panel: frame, x ticks at every row position (`Ticks.indices`), y ticks
    /// on `vmin…vmax`, one mark per value (column `c` coloured at `colorMap`'s `(c + ½) / columns`),
    /// axis labels, title, and the legend to the right of the plot.
    func drawMarks(_ panel: Panel, legendPrefix: String, _ frame: PNGLayout.PanelFrame, _ layout: PNGLayout,
                   on canvas: CairoCanvas) {
        let plot = frame.heatmap
        let (tick, size, thin) = (layout.tickLength, layout.labelSize, 0.8 * layout.point)
        let span = Double(panel.vmax - panel.vmin)
        func y(_ value: Double) -> Double { plot.maxY - (span > 0 ? (value - Double(panel.vmin)) / span : 0) * plot.height }
        func color(_ column: Int) -> RGB { panel.colorMap.color(atFraction: (Double(column) + 0.5) / Double(panel.columns)) }
        canvas.strokeRectangle(x: plot.x, y: plot.y, width: plot.width, height: plot.height, color: .black, lineWidth: thin)
        for row in Ticks.indices(count: panel.rows) {
            let x = plot.x + (Double(row) + 0.5) * frame.cellSize
            canvas.line(from: (x, plot.maxY), to: (x, plot.maxY + tick), color: .black, lineWidth: thin)
            canvas.text(String(row), at: (x, plot.maxY + tick + layout.tickPad), size: size, anchor: .topCenter)
        }
        let values = Ticks.values(from: panel.vmin, to: panel.vmax)
        for (value, label) in zip(values, Ticks.labels(values)) {
            canvas.line(from: (plot.x - tick, y(value)), to: (plot.x, y(value)), color: .black, lineWidth: thin)
            canvas.text(label, at: (plot.x - tick - layout.tickPad, y(value)), size: size, anchor: .centerRight)
        }
        for row in 0..<panel.rows {
            for column in 0..<panel.columns where panel.data[row][column].isFinite {
                canvas.mark(at: (plot.x + (Double(row) + 0.5) * frame.cellSize, y(Double(panel.data[row][column]))),
                            radius: 3.5 * layout.point, color: color(column), edgeWidth: 0.5 * layout.point)
            }
        }
        let tickLabelBottom = plot.maxY + tick + layout.tickPad + size * 1.25
        canvas.text(panel.xLabel, at: (plot.midX, tickLabelBottom + 4 * layout.point), size: size, anchor: .topCenter)
        let yLabelX = plot.x - tick - layout.tickPad - frame.yTickLabelWidth - 4 * layout.point - size * 0.6
        canvas.text(panel.yLabel, at: (yLabelX, plot.midY), size: size, anchor: .center, rotation: -.pi / 2)
        canvas.text(panel.title, at: (plot.midX, plot.y - 6 * layout.point), size: layout.titleSize,
                    bold: panel.isTitleBold, anchor: .bottomCenter)
        for column in 0..<panel.columns {
            let entry = (x: plot.maxX + 12 * layout.point + 5 * layout.point, y: plot.y + (Double(column) + 0.5) * size * 1.5)
            canvas.mark(at: entry, radius: 3.5 * layout.point, color: color(column), edgeWidth: 0.5 * layout.point)
            canvas.text("\(legendPrefix) \(column)", at: (entry.x + 9 * layout.point, entry.y), size: size, anchor: .centerLeft)
        }
    }
}
