import Foundation
import TensorKit

/// The mean attention distance `[L, H]` as a text chart: one line per layer, distance in pixels
/// across, each head a mark at its distance (its index in base 36: 0–9, then a–z; `*` where heads
/// share a column), and the layer's mean of heads at the end of the line.
enum DistanceChartText {
    static func render(_ table: Tensor, imageSide: Int, style: TerminalStyle) -> String {
        let (L, H) = (table.dim(0), table.dim(1))
        let values = table.scalars
        let farthest = Double(values.filter(\.isFinite).max() ?? 1)
        let step = Ticks.niceStep(span: Swift.max(farthest, 1), maxCount: 5)
        let scale = Float((Swift.max(farthest, 1) / step).rounded(.up) * step)
        let width = Swift.max(20, Swift.min(style.width - 24, 60))
        var grid = CellGrid(width: width + 24, height: L + 2)
        for l in 0..<L {
            let y = l
            grid.put(String(format: "layer %2d │", l), x: 0, y: y)
            grid.put("│", x: 10 + width, y: y)
            for h in 0..<H where values[l * H + h].isFinite {
                let x = 10 + Int((values[l * H + h] / scale * Float(width - 1)).rounded())
                let current = grid[x, y].character
                grid[x, y] = CellGrid.Cell(character: current == " " ? mark(h) : "*",
                                           foreground: style.colors == .plain ? nil : color(h, of: H))
            }
            let finite = (0..<H).map { values[l * H + $0] }.filter(\.isFinite)
            grid.put(String(format: " mean %6.1f", finite.reduce(0, +) / Float(Swift.max(finite.count, 1))), x: 11 + width, y: y)
        }
        let ticks = Ticks.values(from: 0, to: scale, maxCount: 6)
        for (tick, label) in zip(ticks, Ticks.labels(ticks)) {
            let x = 10 + Int((Float(tick) / scale * Float(width - 1)).rounded())
            grid.put("┴", x: x, y: L)
            grid.putCentered(label, center: x, y: L + 1)
        }
        return "Mean attention distance per head, pixels (marks: heads 0–\(mark(H - 1)); image \(imageSide) px)\n"
            + grid.text(colors: style.colors).joined(separator: "\n") + "\n"
    }

    /// Head `h`'s mark: its index in base 36.
    static func mark(_ h: Int) -> Character { Array("0123456789abcdefghijklmnopqrstuvwxyz")[h % 36] }

    /// Head `h`'s colour, spread over inferno's bright part so every mark shows on a dark terminal.
    static func color(_ h: Int, of heads: Int) -> RGB {
        ColorMap.inferno.color(atFraction: 0.35 + 0.65 * Double(h) / Double(Swift.max(heads - 1, 1)))
    }
}
