import TensorKit

/// Plain-text heatmaps of an `AttentionSummary` for the terminal: one character per cell from a
/// ten-step ramp, each map scaled to its own maximum. Large maps are averaged down to fit.
public enum AttentionText {
    static let ramp = Array(" .:-=+*#%@")

    /// The whole summary: per layer, the token-by-token map and the class token's patch grid.
    public static func render(_ summary: AttentionSummary, maxWidth: Int = 64) -> String {
        let headName: String
        switch summary.head {
        case .mean: headName = "mean of heads"
        case .head(let h): headName = "head \(h)"
        }
        var out = ""
        for layer in summary.layers {
            let T = layer.map.dim(0), g = layer.classToPatches.dim(0)
            out += "Layer \(layer.index), \(headName): attention [\(T) × \(T)] (rows: queries, columns: keys; max \(format(layer.map.max())))\n"
            out += heatmap(layer.map, maxCells: maxWidth)
            out += "Class token → patches [\(g) × \(g)] (max \(format(layer.classToPatches.max())))\n"
            out += heatmap(layer.classToPatches, maxCells: maxWidth / 2, cellWidth: 2)
            out += "\n"
        }
        return out
    }

    /// `map` `[R, C]` as text, block-averaged to at most `maxCells` cells per side.
    static func heatmap(_ map: Tensor, maxCells: Int, cellWidth: Int = 1) -> String {
        let (R, C) = (map.dim(0), map.dim(1))
        let step = Swift.max(1, (Swift.max(R, C) + maxCells - 1) / maxCells)
        let (rows, cols) = ((R + step - 1) / step, (C + step - 1) / step)
        var cells = [[Float]](repeating: [Float](repeating: 0, count: cols), count: rows)
        for r in 0..<R { for c in 0..<C { cells[r / step][c / step] += map[r, c] } }
        let peak = cells.flatMap { $0 }.max() ?? 0
        var text = ""
        for row in cells {
            for v in row {
                let level = peak > 0 ? Int((v / peak * Float(ramp.count - 1)).rounded()) : 0
                text += String(repeating: ramp[level], count: cellWidth)
            }
            text += "\n"
        }
        return text
    }

    static func format(_ x: Float) -> String {
        let scaled = (Double(x) * 1000).rounded() / 1000
        return "\(scaled)"
    }
}
