extension DINOv2AttentionReport {
    /// The report for a terminal: a three-line caption, the photo and the last layer's per-head and
    /// mean maps, then the layer grid (mean over heads), drawn with `HalfBlockOverlay` in 24-bit
    /// colour, or with a character ramp when `plain`. Panels are 32 columns wide, as many to a row
    /// (at most three) as fit in `columns`; the default, 98, gives three a row.
    public func terminalText(plain: Bool = false, columns: Int = 98) -> String {
        let side = image.width, tokens = 1 + gridSize * gridSize
        let perRow = Swift.min(3, Swift.max(1, (columns + 1) / 33))
        var out = "DINOv2 ViT-S/14 on \(imageName), \(side)×\(side): \(gridSize)×\(gridSize) patches of 14 px, "
            + "\(tokens) tokens\n"
        out += "Layer \(lastLayer): the class token's attention over the patches, per head and mean\n"
        out += "(each map scaled to its own maximum; bright = more attention)\n"
        var panels = [HalfBlockOverlay.Panel(title: "photo", map: nil),
                      HalfBlockOverlay.Panel(title: "mean of heads", map: meanOfHeads)]
        panels += heads.enumerated().map { HalfBlockOverlay.Panel(title: "head \($0.offset)", map: $0.element) }
        out += HalfBlockOverlay.render(panels, over: image, perRow: perRow, plain: plain)
        if !layerGrid.isEmpty {
            out += "\nBy layer: mean over heads of the class token's attention\n"
            out += HalfBlockOverlay.render(layerGrid.map { HalfBlockOverlay.Panel(title: "layer \($0.layer)", map: $0.map) },
                                           over: image, perRow: perRow, plain: plain)
        }
        return out
    }
}
