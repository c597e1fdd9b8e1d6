extension PNGLayout {
    /// A `.marksPerColumn` panel's plot area: the whole width its cell leaves after the y tick
    /// labels and the legend (heads listed to the right of the plot), as tall as wide at most.
    /// `cellSize` is the x distance between two rows' positions.
    static func marksFrame(_ panel: Panel, legendPrefix: String, in cell: Rect, point: Double,
                           measure: (String, Double, Bool) -> Double) -> PanelFrame {
        let (label, tick) = (10 * point * 1.25, 3.5 * point)
        let titleBand = 12 * point * 1.3 + 6 * point
        let bottomBand = 2 * tick + label + 4 * point + label + 4 * point
        let yTickWidth = Ticks.labels(Ticks.values(from: panel.vmin, to: panel.vmax))
            .map { measure($0, 10 * point, false) }.max() ?? 0
        let leftBand = 6 * point + label + 4 * point + yTickWidth + 2 * tick
        let legendWidth = (0..<panel.columns).map { measure("\(legendPrefix) \($0)", 10 * point, false) }.max() ?? 0
        let rightBand = 12 * point + 14 * point + legendWidth + 6 * point
        let availableWidth = cell.width - leftBand - rightBand
        let availableHeight = cell.height - titleBand - bottomBand
        let height = max(min(availableHeight, availableWidth), 1)
        let plot = Rect(x: (cell.x + leftBand).rounded(), y: (cell.y + titleBand + (availableHeight - height) / 2).rounded(),
                        width: max(availableWidth, 1).rounded(), height: height.rounded())
        return PanelFrame(heatmap: plot, cellSize: plot.width / Double(max(panel.rows, 1)), colorBar: nil,
                          yTickLabelWidth: yTickWidth, colorBarTickLabelWidth: legendWidth)
    }
}
