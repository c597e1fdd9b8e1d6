import Models
import TensorKit

extension DINOv2AttentionReport {
    /// The report for a terminal: a three-line caption, the photo and the last layer's mean and
    /// per-head maps, then the layer grid (mean over heads), drawn over the photo
    /// (`PhotoOverlayText`) in `style`'s colours or with the character ramp. Panels are 32 columns
    /// wide, as many to a row (at most three) as fit in `style.width`.
    public func terminalText(style: TerminalStyle) -> String {
        let side = image.width, tokens = 1 + gridSize * gridSize
        let perRow = Swift.min(3, Swift.max(1, (style.width + 1) / 33))
        let backdrop = PhotoBackdrop(photo: image)
        func draw(_ panels: [PhotoOverlayPanel]) -> String {
            PhotoOverlayText.render(panels, over: image, perRow: perRow, colors: style.colors, backdrop: backdrop)
        }
        var out = "DINOv2 ViT-S/14 on \(imageName), \(side)×\(side): \(gridSize)×\(gridSize) patches of 14 px, "
            + "\(tokens) tokens\n"
        out += "Layer \(lastLayer): the class token's attention over the patches, per head and mean\n"
        out += "(each map scaled to its own maximum; bright = more attention)\n"
        out += draw([PhotoOverlayPanel(title: "photo", map: nil), PhotoOverlayPanel(title: "mean of heads", map: meanOfHeads)]
                    + heads.enumerated().map { PhotoOverlayPanel(title: "head \($0.offset)", map: $0.element) })
        if !layerGrid.isEmpty {
            out += "\nBy layer: mean over heads of the class token's attention\n"
            out += draw(layerGrid.map { PhotoOverlayPanel(title: "layer \($0.layer)", map: $0.map) })
        }
        return out
    }
}

extension Figure {
    /// The report as a PNG figure: the class token's attention over the patch grid (mean, each head
    /// of the last layer, then the layer grid) drawn over the photo the model saw, each map on its
    /// own 0…max scale (`PhotoBackdrop`: the dimmed photo where attention is ~0, inferno's pale
    /// yellow where it is highest); four panels to a row, 16 × 12 inches.
    public static func dinov2Attention(_ report: DINOv2AttentionReport) -> Figure {
        let backdrop = PhotoBackdrop(photo: report.image)
        func panel(_ title: String, _ map: Tensor) -> Panel {
            let g = map.dim(0), values = map.scalars
            let rows = (0..<g).map { r in Array(values[(r * g)..<((r + 1) * g)]) }
            return Panel(title: title, xLabel: "patch column", yLabel: "patch row", data: rows, vmin: 0,
                         vmax: Swift.max(map.max(), 1e-12), colorMap: .inferno, hasColorBar: false,
                         backdrop: backdrop)
        }
        let last = [panel("Layer \(report.lastLayer + 1), mean of heads", report.meanOfHeads)]
            + report.heads.enumerated().map { panel("Layer \(report.lastLayer + 1), head \($0.offset)", $0.element) }
        let layers = report.layerGrid.map { panel("Layer \($0.layer + 1), mean of heads", $0.map) }
        return Figure(name: "dinov2-attention", seed: nil,
                      suptitle: "DINOv2 ViT-S/14: class token → patches (\(report.imageName), \(report.image.width) px)",
                      panels: last + layers, gridColumns: 4, size: Figure.Size(width: 16, height: 12),
                      notes: ["Each map is scaled to its own maximum; layers are numbered from 1 as in the notebook."])
    }
}
