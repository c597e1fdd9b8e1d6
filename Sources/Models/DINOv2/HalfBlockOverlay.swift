import Images
import TensorKit

/// Attention maps drawn over a photo in a colour terminal: each character is the half block `▀`
/// with the upper pixel as foreground and the lower one as background (24-bit ANSI colour), so a
/// `w`-column panel shows `w × 2·rows` pixels. Each map is scaled to its own maximum, upsampled
/// nearest-neighbour to the panel and blended over the grey photo with an inferno-like ramp.
/// Without colour (`plain`), each character is one step of the ramp `" .:-=+*#%@"`: the map's value,
/// or the photo's brightness for the photo panel, averaged over the character's two pixel rows.
public enum HalfBlockOverlay {
    public struct Panel {
        public let title: String
        /// `[g, g]` attention, or `nil` for the photo alone.
        public let map: Tensor?
        public init(title: String, map: Tensor?) { self.title = title; self.map = map }
    }

    /// Panels side by side, `perRow` to a row, each `width` columns (and `width / 2` text rows).
    /// 32 columns show every patch of a 32 × 32 map (448 px input) and 2 × 2 pixels per patch at 224;
    /// three panels fit a 100-column terminal.
    public static func render(_ panels: [Panel], over image: RGBImage, width: Int = 32, perRow: Int = 3,
                              plain: Bool = false) -> String {
        var out = ""
        for start in stride(from: 0, to: panels.count, by: perRow) {
            let row = Array(panels[start..<Swift.min(start + perRow, panels.count)])
            out += row.map { pad($0.title, width) }.joined(separator: " ") + "\n"
            if plain {
                let levels = row.map { intensity(for: $0.map, image: image, side: width) }
                for y in stride(from: 0, to: width, by: 2) {
                    out += levels.map { v in
                        String((0..<width).map { x in ramp[level((v[y * width + x] + v[(y + 1) * width + x]) / 2)] })
                    }.joined(separator: " ") + "\n"
                }
                continue
            }
            let pixels = row.map { rgb(for: $0.map, image: image, side: width) }
            for y in stride(from: 0, to: width, by: 2) {
                out += pixels.map { p in
                    (0..<width).map { x in
                        let (t, b) = (p[y * width + x], p[(y + 1) * width + x])
                        return "\u{1B}[38;2;\(t.0);\(t.1);\(t.2)m\u{1B}[48;2;\(b.0);\(b.1);\(b.2)m▀"
                    }.joined() + "\u{1B}[0m"
                }.joined(separator: " ") + "\n"
            }
        }
        return out
    }

    static let ramp = Array(" .:-=+*#%@")

    private static func level(_ v: Float) -> Int { Swift.min(Swift.max(Int(v * Float(ramp.count)), 0), ramp.count - 1) }

    /// `side × side` values in [0, 1]: the map over its maximum, or the photo's brightness.
    private static func intensity(for map: Tensor?, image: RGBImage, side: Int) -> [Float] {
        let g = map?.dim(0) ?? 1
        let peak = map.map { Swift.max($0.max(), 1e-12) } ?? 1
        return (0..<(side * side)).map { i in
            let (x, y) = (i % side, i / side)
            if let map { return map[y * g / side, x * g / side] / peak }
            let (px, py) = (x * image.width / side, y * image.height / side)
            return (0..<3).map { Float(image[px, py, $0]) }.reduce(0, +) / (3 * 255)
        }
    }

    private static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? String(s.prefix(n)) : s + String(repeating: " ", count: n - s.count)
    }

    /// `side × side` RGB pixels: the photo (box-sampled) blended with the map's colours.
    private static func rgb(for map: Tensor?, image: RGBImage, side: Int) -> [(Int, Int, Int)] {
        let g = map?.dim(0) ?? 1
        let peak = map.map { Swift.max($0.max(), 1e-12) } ?? 1
        return (0..<(side * side)).map { i in
            let (x, y) = (i % side, i / side)
            let (px, py) = (x * image.width / side, y * image.height / side)
            let photo = (0..<3).map { Float(image[px, py, $0]) }
            guard let map else { return (Int(photo[0]), Int(photo[1]), Int(photo[2])) }
            let v = map[y * g / side, x * g / side] / peak
            let grey = (photo[0] + photo[1] + photo[2]) / 3 * 0.5
            let heat = inferno(v)
            let alpha: Float = 0.65
            return (Int(grey * (1 - alpha) + heat.0 * alpha), Int(grey * (1 - alpha) + heat.1 * alpha),
                    Int(grey * (1 - alpha) + heat.2 * alpha))
        }
    }

    /// A five-stop approximation of matplotlib's `inferno` for `v ∈ [0, 1]`.
    static func inferno(_ v: Float) -> (Float, Float, Float) {
        let stops: [(Float, Float, Float)] = [(0, 0, 4), (87, 16, 110), (188, 55, 84), (249, 142, 9), (252, 255, 164)]
        let t = Swift.min(Swift.max(v, 0), 1) * Float(stops.count - 1)
        let i = Swift.min(Int(t), stops.count - 2), f = t - Float(i)
        let (a, b) = (stops[i], stops[i + 1])
        return (a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f)
    }
}
