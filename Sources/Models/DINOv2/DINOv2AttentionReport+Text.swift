extension DINOv2AttentionReport {
    /// The report for a terminal: the photo and the last layer's per-head and mean maps, then the
    /// layer grid (mean over heads), drawn with `HalfBlockOverlay` in 24-bit colour, or with a
    /// character ramp when `plain`.
    public func terminalText(plain: Bool = false) -> String {
        let side = image.width, tokens = 1 + gridSize * gridSize
        var out = "DINOv2 ViT-S/14 on \(imageName), \(side)×\(side): \(gridSize)×\(gridSize) patches of 14 px, "
            + "\(tokens) tokens (class token first)\n"
        out += "Layer \(lastLayer): the class token's attention over the patches, per head and averaged "
            + "(each map scaled to its own maximum; bright = more attention)\n"
        var panels = [HalfBlockOverlay.Panel(title: "photo", map: nil),
                      HalfBlockOverlay.Panel(title: "mean of heads", map: meanOfHeads)]
        panels += heads.enumerated().map { HalfBlockOverlay.Panel(title: "head \($0.offset)", map: $0.element) }
        out += HalfBlockOverlay.render(panels, over: image, plain: plain)
        if !layerGrid.isEmpty {
            out += "\nBy layer: mean over heads of the class token's attention\n"
            out += HalfBlockOverlay.render(layerGrid.map { HalfBlockOverlay.Panel(title: "layer \($0.layer)", map: $0.map) },
                                           over: image, plain: plain)
        }
        return out
    }
}
