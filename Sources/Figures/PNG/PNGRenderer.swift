import Foundation

/// Draws a figure as matplotlib would: per panel the heatmap (`imshow`, or over a photo: see
/// `PhotoBackdrop`), frame, ticks and tick labels, axis labels, title, separators (dashed where the
/// notebook dashes), region labels and a colour bar with its ticks and label; the suptitle above the grid.
struct PNGRenderer {
    let figure: Figure
    let dpi: Double

    /// Draws the figure and writes it to `path`; returns where everything went.
    @discardableResult
    func write(to path: String) throws(FigureError) -> PNGLayout {
        let size = (width: Int((figure.size.width * dpi).rounded()), height: Int((figure.size.height * dpi).rounded()))
        guard let canvas = CairoCanvas(width: size.width, height: size.height) else {
            throw .cannotWritePNG(path: path, reason: "Cairo could not create a \(size.width)×\(size.height) image")
        }
        let layout = PNGLayout(figure: figure, dpi: dpi) { canvas.textWidth($0, size: $1, bold: $2) }
        if let suptitle = figure.suptitle, let y = layout.suptitleY {
            canvas.text(suptitle, at: (Double(layout.width) / 2, y), size: layout.suptitleSize, bold: true,
                        anchor: .center)
        }
        for (panel, frame) in zip(figure.panels, layout.frames) {
            draw(panel, frame, layout, on: canvas)
        }
        try canvas.writePNG(to: path)
        return layout
    }

    private func draw(_ panel: Panel, _ frame: PNGLayout.PanelFrame, _ layout: PNGLayout, on canvas: CairoCanvas) {
        if case .marksPerColumn(let legendPrefix) = panel.style {
            return drawMarks(panel, legendPrefix: legendPrefix, frame, layout, on: canvas)
        }
        let map = frame.heatmap
        let (xs, ys) = (frame.columnEdges(panel.columns), frame.rowEdges(panel.rows))
        if let backdrop = panel.backdrop {
            // PhotoBackdrop's blend: black, the photo at `brightness`, then the map's colours at α·t.
            let area = (x: map.x, y: map.y, width: xs[panel.columns] - map.x, height: ys[panel.rows] - map.y)
            canvas.fill(x: area.x, y: area.y, width: area.width, height: area.height, color: .black)
            canvas.image(rgba: backdrop.rgba, width: backdrop.photo.width, height: backdrop.photo.height, in: area,
                         opacity: backdrop.brightness, smooth: true)
            canvas.image(rgba: panel.overlayPixels(peakOpacity: backdrop.peakOpacity), width: panel.columns,
                         height: panel.rows, in: area, smooth: false)
        } else {
            for row in 0..<panel.rows {
                for column in 0..<panel.columns {
                    canvas.fill(x: xs[column], y: ys[row], width: xs[column + 1] - xs[column],
                                height: ys[row + 1] - ys[row], color: panel.color(row: row, column: column) ?? .white)
                }
            }
        }
        for separator in panel.separators where separator.index > 0 {
            let dash = separator.style == .dashed ? [7.4 * layout.point, 3.2 * layout.point] : []
            let width = 2 * layout.point
            if separator.index < panel.columns {
                let x = map.x + Double(separator.index) * frame.cellSize
                canvas.line(from: (x, map.y), to: (x, map.maxY), color: separator.color, lineWidth: width, dash: dash)
            }
            if separator.index < panel.rows {
                let y = map.y + Double(separator.index) * frame.cellSize
                canvas.line(from: (map.x, y), to: (map.maxX, y), color: separator.color, lineWidth: width, dash: dash)
            }
        }
        canvas.strokeRectangle(x: map.x, y: map.y, width: xs[panel.columns] - map.x, height: ys[panel.rows] - map.y,
                               color: .black, lineWidth: 0.8 * layout.point)
        drawTicksAndLabels(panel, frame, layout, on: canvas)
        if let bar = frame.colorBar { drawColorBar(panel, bar, frame, layout, on: canvas) }
    }

    private func drawTicksAndLabels(_ panel: Panel, _ frame: PNGLayout.PanelFrame, _ layout: PNGLayout,
                                    on canvas: CairoCanvas) {
        let map = frame.heatmap
        let (tick, size, thin) = (layout.tickLength, layout.labelSize, 0.8 * layout.point)
        for column in panel.xTicks {
            let x = map.x + (Double(column) + 0.5) * frame.cellSize
            canvas.line(from: (x, map.maxY), to: (x, map.maxY + tick), color: .black, lineWidth: thin)
            canvas.text(String(column), at: (x, map.maxY + tick + layout.tickPad), size: size, anchor: .topCenter)
        }
        for row in panel.yTicks {
            let y = map.y + (Double(row) + 0.5) * frame.cellSize
            canvas.line(from: (map.x - tick, y), to: (map.x, y), color: .black, lineWidth: thin)
            canvas.text(String(row), at: (map.x - tick - layout.tickPad, y), size: size, anchor: .centerRight)
        }
        let tickLabelBottom = map.maxY + tick + layout.tickPad + size * 1.25
        canvas.text(panel.xLabel, at: (map.midX, tickLabelBottom + 4 * layout.point), size: size, anchor: .topCenter)
        let tickLabelLeft = map.x - tick - layout.tickPad - frame.yTickLabelWidth
        let hasLeftRegions = panel.regionLabels.contains { $0.side == .left }
        let leftRegionX = tickLabelLeft - 4 * layout.point - size * 0.6
        let yLabelX = (hasLeftRegions ? leftRegionX - size * 0.6 : tickLabelLeft) - 4 * layout.point - size * 0.6
        canvas.text(panel.yLabel, at: (yLabelX, map.midY), size: size, anchor: .center, rotation: -.pi / 2)
        var titleBottom = map.y - 6 * layout.point
        for label in panel.regionLabels {
            let from = Double(label.span.lowerBound) * frame.cellSize
            let to = Double(label.span.upperBound) * frame.cellSize
            switch label.side {
            case .top:
                canvas.text(label.text, at: (map.x + (from + to) / 2, map.y - 3 * layout.point), size: size,
                            bold: label.isBold, anchor: .bottomCenter)
                titleBottom = map.y - 3 * layout.point - size * 1.25 - 3 * layout.point
            case .left:
                canvas.text(label.text, at: (leftRegionX, map.y + (from + to) / 2), size: size, bold: label.isBold,
                            anchor: .center, rotation: -.pi / 2)
            }
        }
        canvas.text(panel.title, at: (map.midX, titleBottom), size: layout.titleSize, bold: panel.isTitleBold,
                    anchor: .bottomCenter)
    }

    private func drawColorBar(_ panel: Panel, _ bar: PNGLayout.Rect, _ frame: PNGLayout.PanelFrame, _ layout: PNGLayout,
                              on canvas: CairoCanvas) {
        let rows = Int(bar.height)
        for row in 0..<rows {
            let fraction = 1 - (Double(row) + 0.5) / Double(rows)
            canvas.fill(x: bar.x, y: bar.y + Double(row), width: bar.width, height: 1,
                        color: panel.colorMap.color(atFraction: fraction))
        }
        canvas.strokeRectangle(x: bar.x, y: bar.y, width: bar.width, height: bar.height, color: .black,
                               lineWidth: 0.8 * layout.point)
        let values = Ticks.values(from: panel.vmin, to: panel.vmax)
        let span = Double(panel.vmax - panel.vmin)
        for (value, label) in zip(values, Ticks.labels(values)) {
            let y = bar.maxY - (span > 0 ? (value - Double(panel.vmin)) / span : 0) * bar.height
            canvas.line(from: (bar.maxX, y), to: (bar.maxX + layout.tickLength, y), color: .black,
                        lineWidth: 0.8 * layout.point)
            canvas.text(label, at: (bar.maxX + layout.tickLength + layout.tickPad, y), size: layout.labelSize,
                        anchor: .centerLeft)
        }
        if let label = panel.colorBarLabel {
            let x = bar.maxX + layout.tickLength + layout.tickPad + frame.colorBarTickLabelWidth + 4 * layout.point
                + layout.labelSize * 0.6
            canvas.text(label, at: (x, bar.midY), size: layout.labelSize, anchor: .center, rotation: -.pi / 2)
        }
    }
}

extension Figure {
    /// Draws the figure with Cairo and writes it as PNG (`figsize × dpi` pixels, white background).
    /// - Throws: `FigureError.cannotWritePNG` when the file cannot be written.
    public func writePNG(to path: String, dpi: Double = 100) throws(FigureError) {
        try PNGRenderer(figure: self, dpi: dpi).write(to: path)
    }
}
