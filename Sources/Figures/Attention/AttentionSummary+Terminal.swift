import Models
import TensorKit

extension AttentionSummary {
    /// The summary as plain text: per layer, the token-by-token map `[T, T]` and the class token's
    /// patch grid `[√N, √N]`, one `CharacterRamp` character per cell (the grid's two), each map
    /// scaled to its own maximum. Maps wider than `min(64, style.width)` cells are averaged down.
    public func terminalText(style: TerminalStyle) -> String {
        let maxCells = Swift.max(1, Swift.min(64, style.width))
        let headName = switch head {
        case .mean: "mean of heads"
        case .head(let h): "head \(h)"
        }
        var out = ""
        for layer in layers {
            let T = layer.map.dim(0), g = layer.classToPatches.dim(0)
            out += "Layer \(layer.index), \(headName): attention [\(T) × \(T)] (rows: queries, columns: keys; "
                + "max \(Self.format(layer.map.max())))\n"
            out += Self.heatmap(layer.map, maxCells: maxCells)
            out += "Class token → patches [\(g) × \(g)] (max \(Self.format(layer.classToPatches.max())))\n"
            out += Self.heatmap(layer.classToPatches, maxCells: Swift.max(1, maxCells / 2), cellWidth: 2)
            out += "\n"
        }
        return out
    }

    /// `map` `[R, C]` as text, block-summed to at most `maxCells` cells per side.
    static func heatmap(_ map: Tensor, maxCells: Int, cellWidth: Int = 1) -> String {
        let (R, C) = (map.dim(0), map.dim(1)), values = map.scalars
        let step = Swift.max(1, (Swift.max(R, C) + maxCells - 1) / maxCells)
        let (rows, cols) = ((R + step - 1) / step, (C + step - 1) / step)
        var cells = [[Float]](repeating: [Float](repeating: 0, count: cols), count: rows)
        for r in 0..<R { for c in 0..<C { cells[r / step][c / step] += values[r * C + c] } }
        let peak = cells.flatMap { $0 }.max() ?? 0
        return cells.map { row in
            row.map { v in String(repeating: CharacterRamp.character(peak > 0 ? Double(v / peak) : 0), count: cellWidth) }
                .joined() + "\n"
        }.joined()
    }

    static func format(_ x: Float) -> String {
        "\((Double(x) * 1000).rounded() / 1000)"
    }
}
