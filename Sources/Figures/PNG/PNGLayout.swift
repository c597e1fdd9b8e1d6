/// Where each part of a figure goes in its PNG, in pixels, with matplotlib's proportions: the
/// figure is `figsize × dpi`; text sizes are in points (1/72 inch); each panel's heatmap has
/// square cells and is centred with its labels and colour bar in its grid cell.
struct PNGLayout {
    struct Rect {
        var x, y, width, height: Double
        var maxX: Double { x + width }
        var maxY: Double { y + height }
        var midX: Double { x + width / 2 }
        var midY: Double { y + height / 2 }
    }

    /// One panel's heatmap (and colour bar), and the room its tick labels take.
    struct PanelFrame {
        let heatmap: Rect
        /// The side of one data cell.
        let cellSize: Double
        let colorBar: Rect?
        let yTickLabelWidth: Double
        let colorBarTickLabelWidth: Double

        /// The pixel edges of data cells along x (`columns + 1` of them), rounded so cells tile
        /// without seams.
        func columnEdges(_ columns: Int) -> [Double] {
            (0...columns).map { (heatmap.x + Double($0) * cellSize).rounded() }
        }
        func rowEdges(_ rows: Int) -> [Double] { (0...rows).map { (heatmap.y + Double($0) * cellSize).rounded() } }
    }

    let width: Int
    let height: Int
    /// Pixels per point.
    let point: Double
    /// The suptitle's vertical centre, when the figure has one.
    let suptitleY: Double?
    let frames: [PanelFrame]

    var titleSize: Double { 12 * point }
    var labelSize: Double { 10 * point }
    var suptitleSize: Double { 14 * point }
    var tickLength: Double { 3.5 * point }
    var tickPad: Double { 3.5 * point }

    /// - Parameter measure: the width in pixels of a text at a size (pixels), bold or not.
    init(figure: Figure, dpi: Double, measure: (String, Double, Bool) -> Double) {
        width = Int((figure.size.width * dpi).rounded())
        height = Int((figure.size.height * dpi).rounded())
        point = dpi / 72
        let top = figure.suptitle == nil ? 0 : 14 * point * 1.3 + 10 * point
        suptitleY = figure.suptitle == nil ? nil : top / 2 + 2 * point
        let cellWidth = Double(width) / Double(figure.gridColumns)
        let cellHeight = (Double(height) - top) / Double(figure.gridRows)
        var frames: [PanelFrame] = []
        for (index, panel) in figure.panels.enumerated() {
            let (row, column) = (index / figure.gridColumns, index % figure.gridColumns)
            let cell = Rect(x: Double(column) * cellWidth, y: top + Double(row) * cellHeight,
                            width: cellWidth, height: cellHeight)
            frames.append(Self.frame(panel, in: cell, point: point, measure: measure))
        }
        self.frames = frames
    }

    private static func frame(_ panel: Panel, in cell: Rect, point: Double,
                              measure: (String, Double, Bool) -> Double) -> PanelFrame {
        if case .marksPerColumn(let legendPrefix) = panel.style {
            return marksFrame(panel, legendPrefix: legendPrefix, in: cell, point: point, measure: measure)
        }
        let (label, tick) = (10 * point * 1.25, 3.5 * point)
        let titleBand = 12 * point * 1.3 + 6 * point
        let topRegions = panel.regionLabels.contains { $0.side == .top } ? label + 2 * point : 0
        let leftRegions = panel.regionLabels.contains { $0.side == .left } ? label + 4 * point : 0
        let bottomBand = 2 * tick + label + 4 * point + label + 4 * point
        let yTickWidth = panel.yTicks.map { measure(String($0), 10 * point, false) }.max() ?? 0
        let leftBand = 6 * point + label + 4 * point + leftRegions + yTickWidth + 2 * tick
        let availableHeight = cell.height - titleBand - topRegions - bottomBand
        let barWidth = 0.04 * availableHeight
        let barTicks = Ticks.labels(Ticks.values(from: panel.vmin, to: panel.vmax))
        let barTickWidth = barTicks.map { measure($0, 10 * point, false) }.max() ?? 0
        let barLabel = panel.colorBarLabel == nil ? 0 : 4 * point + label
        let rightBand = panel.hasColorBar ? 12 * point + barWidth + 2 * tick + barTickWidth + barLabel + 6 * point
            : 8 * point
        let availableWidth = cell.width - leftBand - rightBand
        let cellSize = max(min(availableWidth / Double(panel.columns), availableHeight / Double(panel.rows)), 1)
        let (heatmapWidth, heatmapHeight) = (cellSize * Double(panel.columns), cellSize * Double(panel.rows))
        let x = (cell.x + (cell.width - leftBand - heatmapWidth - rightBand) / 2 + leftBand).rounded()
        let y = (cell.y + titleBand + topRegions + (availableHeight - heatmapHeight) / 2).rounded()
        let heatmap = Rect(x: x, y: y, width: heatmapWidth, height: heatmapHeight)
        let colorBar = panel.hasColorBar
            ? Rect(x: (heatmap.maxX + 12 * point).rounded(), y: (heatmap.y + heatmapHeight * 0.1).rounded(),
                   width: barWidth.rounded(), height: (heatmapHeight * 0.8).rounded())
            : nil
        return PanelFrame(heatmap: heatmap, cellSize: cellSize, colorBar: colorBar, yTickLabelWidth: yTickWidth,
                          colorBarTickLabelWidth: barTickWidth)
    }
}
