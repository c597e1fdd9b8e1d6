import Foundation
import TensorKit

/// The attention entropy `[L, H]` as a heat table: one line per layer, one cell per head with its
/// value in nats; in colour each cell's background follows inferno from 0 to `ln T` (attention
/// spread evenly over all T tokens), without colour each value is followed by its `CharacterRamp` step.
enum EntropyTableText {
    static func render(_ table: Tensor, tokens: Int, style: TerminalStyle) -> String {
        let (L, H) = (table.dim(0), table.dim(1))
        let values = table.scalars
        let top = Float(log(Double(tokens)))
        var grid = CellGrid(width: 10 + 7 * H, height: L + 1)
        for h in 0..<H { grid.put("head \(h)".leftPadded(to: 7), x: 8 + 7 * h, y: 0) }
        for l in 0..<L {
            grid.put(String(format: "layer %2d", l), x: 0, y: l + 1)
            for h in 0..<H {
                let v = values[l * H + h], t = v.isFinite ? Swift.min(Swift.max(Double(v / top), 0), 1) : 0
                let text = v.isFinite ? String(format: " %5.2f", v) : "   NaN"
                if style.colors == .plain {
                    grid.put(text + String(CharacterRamp.character(t)), x: 8 + 7 * h, y: l + 1)
                    continue
                }
                let background = ColorMap.inferno.color(atFraction: t)
                let foreground: RGB = t > 0.6 ? RGB(0, 0, 0) : RGB(255, 255, 255)
                for (i, character) in (text + " ").enumerated() {
                    grid[8 + 7 * h + i, l + 1] = CellGrid.Cell(character: character, foreground: foreground, background: background)
                }
            }
        }
        return String(format: "Attention entropy per head in nats (0: one key; ln %d = %.2f: all alike)\n", tokens, top)
            + grid.text(colors: style.colors).joined(separator: "\n") + "\n"
    }
}

extension String {
    /// This text with spaces in front, `width` characters in all (unchanged when longer).
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: Swift.max(width - count, 0)) + self }
}
