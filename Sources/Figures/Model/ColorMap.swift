/// The matplotlib colour maps of the figures, sampled the way matplotlib samples them.
///
/// matplotlib builds a 256-entry lookup table by linear interpolation between evenly spaced
/// ColorBrewer colours, and maps a value normalised to `t ∈ [0, 1]` to entry `min(⌊256·t⌋, 255)`.
/// Values outside `[vmin, vmax]` take the end colours, as `imshow` does by default.
public enum ColorMap: String, Sendable, CaseIterable, Codable {
    /// `'Blues'`: near white (low) to dark blue (high).
    case blues = "Blues"
    /// `'RdYlGn_r'`: green (low) through yellow to red (high).
    case redYellowGreenReversed = "RdYlGn_r"
    /// `'inferno'`: black (low) through purple and orange to pale yellow (high); for maps over photos.
    case inferno

    /// The colour for `value` on the scale `vmin…vmax`, or `nil` for NaN (drawn as background).
    public func color(for value: Float, vmin: Float, vmax: Float) -> RGB? {
        Self.fraction(of: value, vmin: vmin, vmax: vmax).map { color(atFraction: $0) }
    }

    /// Where `value` lies on the scale: `(value − vmin) / (vmax − vmin)`, unclamped (0 when the
    /// scale is empty), or `nil` for NaN.
    static func fraction(of value: Float, vmin: Float, vmax: Float) -> Double? {
        guard !value.isNaN else { return nil }
        let span = Double(vmax - vmin)
        return span > 0 ? (Double(value) - Double(vmin)) / span : 0
    }

    /// The colour at fraction `t` of the scale (clamped to [0, 1]), quantised to 256 levels.
    public func color(atFraction t: Double) -> RGB {
        let level = min(max(Int((t * 256).rounded(.down)), 0), 255)
        let position = Double(level) / 255 * Double(anchors.count - 1)
        let lower = min(Int(position), anchors.count - 2)
        let weight = position - Double(lower)
        let (a, b) = (anchors[lower], anchors[lower + 1])
        func mix(_ x: UInt8, _ y: UInt8) -> UInt8 {
            UInt8((Double(x) + (Double(y) - Double(x)) * weight).rounded())
        }
        return RGB(mix(a.red, b.red), mix(a.green, b.green), mix(a.blue, b.blue))
    }

    /// The evenly spaced colours the map interpolates, from the low end to the high end.
    var anchors: [RGB] {
        switch self {
        case .blues:
            // ColorBrewer "Blues", 9 classes.
            return [0xF7FBFF, 0xDEEBF7, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x08519C,
                    0x08306B].map(RGB.init(hex:))
        case .redYellowGreenReversed:
            // ColorBrewer "RdYlGn", 11 classes, reversed.
            return [0xA50026, 0xD73027, 0xF46D43, 0xFDAE61, 0xFEE08B, 0xFFFFBF, 0xD9EF8B, 0xA6D96A,
                    0x66BD63, 0x1A9850, 0x006837].reversed().map(RGB.init(hex:))
        case .inferno:
            // matplotlib's 256-entry table at 10 evenly spaced points; interpolated, within a few levels of it.
            return [0x000004, 0x1B0C41, 0x4A0C6B, 0x781C6D, 0xA52C60, 0xCF4446, 0xED6925, 0xFB9B06, 0xF7D13D,
                    0xFCFFA4].map(RGB.init(hex:))
        }
    }
}
