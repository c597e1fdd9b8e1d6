import Images

/// A photo under a panel's map, for attention drawn where the model looked (PNG only).
///
/// The photo is stretched over the panel's heatmap area (smoothly) and dimmed to `brightness`;
/// each data cell then lays its colour-map colour over it with an opacity that grows with the
/// cell's value. For a cell at fraction `t ∈ [0, 1]` of the scale `vmin…vmax` (clamped), colour
/// `C(t)`, and a photo pixel `P` under it:
///
///     pixel = (1 − α·t) · brightness · P + α·t · C(t),   α = `peakOpacity`
///
/// so where the map is ~0 the dimmed photo shows unchanged, and the maximum is `C(1)` at opacity α.
/// NaN cells leave the dimmed photo. Figures' terminal renderer and the JSON ignore the photo;
/// terminal maps over a photo (`PhotoOverlayText`) composite each pixel the same way (`composite`).
public struct PhotoBackdrop: Sendable {
    public let photo: RGBImage
    /// The fraction of the photo's brightness kept under the map, in [0, 1].
    public let brightness: Double
    /// The colour's opacity α at the top of the scale, in [0, 1].
    public let peakOpacity: Double

    /// - Precondition: the photo has pixels; `brightness` and `peakOpacity` lie in [0, 1].
    public init(photo: RGBImage, brightness: Double = 0.6, peakOpacity: Double = 0.75) {
        precondition(photo.width > 0 && photo.height > 0, "PhotoBackdrop: the photo is empty")
        precondition((0...1).contains(brightness) && (0...1).contains(peakOpacity),
                     "PhotoBackdrop: brightness \(brightness) and peakOpacity \(peakOpacity) must lie in [0, 1]")
        self.photo = photo
        self.brightness = brightness
        self.peakOpacity = peakOpacity
    }

    /// One pixel as the PNG shows it: the photo's `pixel` dimmed to `brightness`, under `color` at
    /// opacity `peakOpacity · t` (`t` clamped to [0, 1]).
    func composite(_ pixel: RGB, under color: RGB, at t: Double) -> RGB {
        let alpha = peakOpacity * Swift.min(Swift.max(t, 0), 1)
        func mix(_ p: UInt8, _ c: UInt8) -> UInt8 {
            UInt8(((1 - alpha) * brightness * Double(p) + alpha * Double(c)).rounded())
        }
        return RGB(mix(pixel.red, color.red), mix(pixel.green, color.green), mix(pixel.blue, color.blue))
    }

    /// The photo's pixels as opaque RGBA (`[H, W, 4]`, row-major).
    var rgba: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(photo.width * photo.height * 4)
        for start in stride(from: 0, to: photo.pixels.count, by: 3) {
            out += [photo.pixels[start], photo.pixels[start + 1], photo.pixels[start + 2], 255]
        }
        return out
    }
}

extension Panel {
    /// The map as a `rows × columns` RGBA image (straight alpha, row-major), to lay over the
    /// backdrop: cell colour `C(t)` with alpha `α·t`, transparent for NaN.
    func overlayPixels(peakOpacity: Double) -> [UInt8] {
        var pixels: [UInt8] = []
        pixels.reserveCapacity(rows * columns * 4)
        for row in 0..<rows {
            for column in 0..<columns {
                guard let t = ColorMap.fraction(of: data[row][column], vmin: vmin, vmax: vmax) else {
                    pixels += [0, 0, 0, 0]
                    continue
                }
                let clamped = min(max(t, 0), 1)
                let color = colorMap.color(atFraction: clamped)
                pixels += [color.red, color.green, color.blue, UInt8((peakOpacity * clamped * 255).rounded())]
            }
        }
        return pixels
    }
}
