/// An 8-bit RGB image in row-major, interleaved order (`height × width × 3`, like a PIL "RGB"
/// image or a NumPy `uint8` array of shape `[H, W, 3]`).
public struct RGBImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `pixels[(y · width + x) · 3 + c]` is channel `c` (0 red, 1 green, 2 blue) at column `x`, row `y`.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height * 3,
                     "RGBImage: \(pixels.count) bytes do not fill \(width)×\(height)×3")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Channel `channel` of the pixel at column `x`, row `y`.
    public subscript(x: Int, y: Int, channel: Int) -> UInt8 {
        pixels[(y * width + x) * 3 + channel]
    }

    /// The `cropWidth × cropHeight` region whose top-left corner is at (`left`, `top`).
    public func cropped(left: Int, top: Int, width cropWidth: Int, height cropHeight: Int) -> RGBImage {
        precondition(left >= 0 && top >= 0 && left + cropWidth <= width && top + cropHeight <= height,
                     "RGBImage.cropped: \(cropWidth)×\(cropHeight) at (\(left), \(top)) leaves the \(width)×\(height) image")
        var out: [UInt8] = []
        out.reserveCapacity(cropWidth * cropHeight * 3)
        for y in top..<(top + cropHeight) {
            let start = (y * width + left) * 3
            out.append(contentsOf: pixels[start..<(start + cropWidth * 3)])
        }
        return RGBImage(width: cropWidth, height: cropHeight, pixels: out)
    }
}

extension RGBImage {
    /// The seed notebook's test image: red grows left to right, green top to bottom, blue along the
    /// diagonal, with NumPy's float64 arithmetic and `astype(uint8)` truncation:
    ///
    ///     x = y = np.linspace(0, 1, size);  xx, yy = np.meshgrid(x, y)
    ///     r = (xx * 255).astype(uint8);  g = (yy * 255).astype(uint8);  b = ((xx + yy) / 2 * 255).astype(uint8)
    public static func notebookGradient(size: Int = 224) -> RGBImage {
        // np.linspace: i · (1 / (n − 1)), with the last value exactly 1.
        let step = 1.0 / Double(Swift.max(size - 1, 1))
        let t = (0..<size).map { $0 == size - 1 ? 1.0 : Double($0) * step }
        var pixels: [UInt8] = []
        pixels.reserveCapacity(size * size * 3)
        for y in 0..<size {
            for x in 0..<size {
                pixels.append(UInt8(t[x] * 255))
                pixels.append(UInt8(t[y] * 255))
                pixels.append(UInt8((t[x] + t[y]) / 2 * 255))
            }
        }
        return RGBImage(width: size, height: size, pixels: pixels)
    }
}
