import Images
import TensorKit

/// One panel of `PhotoOverlayText`: a title and a `[g, g]` map, or no map for the photo alone.
public struct PhotoOverlayPanel: Sendable {
    public let title: String
    public let map: Tensor?
    public init(title: String, map: Tensor?) { self.title = title; self.map = map }
}

/// Maps drawn over a photo as terminal text: panels side by side, `perRow` to a row, each `side`
/// columns by `side / 2` lines showing `side × side` pixels (the photo and the map sampled
/// nearest-neighbour; each map scaled to its own maximum, `t = value / max`).
///
/// In colour, each character is the half block `▀` (upper pixel as foreground, lower as
/// background), each pixel composited as in the PNG (`PhotoBackdrop.composite`, inferno colours);
/// the photo panel shows the photo as it is. Without colour, each character is the
/// `CharacterRamp` step of `t` (or of the photo's brightness) averaged over its two pixel rows.
enum PhotoOverlayText {
    static func render(_ panels: [PhotoOverlayPanel], over image: RGBImage, side: Int = 32, perRow: Int,
                       colors: TerminalStyle.Colors, backdrop: PhotoBackdrop) -> String {
        var lines: [String] = []
        for start in stride(from: 0, to: panels.count, by: Swift.max(perRow, 1)) {
            let row = panels[start..<Swift.min(start + Swift.max(perRow, 1), panels.count)]
            var grid = CellGrid(width: row.count * (side + 1) - 1, height: 1 + side / 2)
            for (i, panel) in row.enumerated() {
                let x0 = i * (side + 1)
                grid.put(String(panel.title.prefix(side)), x: x0, y: 0)
                let pixels = Pixels(panel.map, image: image, side: side)
                for y in 0..<(side / 2) {
                    for x in 0..<side {
                        grid[x0 + x, 1 + y] = colors == .plain
                            ? CellGrid.Cell(character: CharacterRamp.character((pixels.level(x, 2 * y) + pixels.level(x, 2 * y + 1)) / 2))
                            : CellGrid.Cell(character: "▀", foreground: pixels.color(x, 2 * y, backdrop),
                                            background: pixels.color(x, 2 * y + 1, backdrop))
                    }
                }
            }
            lines += grid.text(colors: colors)
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// A panel's `side × side` pixels: the map's `t`, the photo under it.
    private struct Pixels {
        let map: [Float]?, g: Int, peak: Float
        let image: RGBImage, side: Int

        init(_ map: Tensor?, image: RGBImage, side: Int) {
            (self.map, g) = (map?.scalars, map?.dim(0) ?? 1)
            peak = map.map { Swift.max($0.max(), 1e-12) } ?? 1
            (self.image, self.side) = (image, side)
        }

        func photo(_ x: Int, _ y: Int) -> RGB {
            let (px, py) = (x * image.width / side, y * image.height / side)
            return RGB(image[px, py, 0], image[px, py, 1], image[px, py, 2])
        }

        /// `t` of the map at pixel (x, y), or the photo's brightness in [0, 1].
        func level(_ x: Int, _ y: Int) -> Double {
            guard let map else {
                let p = photo(x, y)
                return (Double(p.red) + Double(p.green) + Double(p.blue)) / (3 * 255)
            }
            return Double(map[(y * g / side) * g + x * g / side] / peak)
        }

        func color(_ x: Int, _ y: Int, _ backdrop: PhotoBackdrop) -> RGB {
            guard map != nil else { return photo(x, y) }
            let t = level(x, y)
            return backdrop.composite(photo(x, y), under: ColorMap.inferno.color(atFraction: t), at: t)
        }
    }
}
