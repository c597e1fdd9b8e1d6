/// Resizing exactly as Pillow's `Image.resize(size, Image.BICUBIC)` does for 8-bit RGB images
/// (`libImaging/Resample.c`): two separable passes, horizontal then vertical, each a convolution
/// with the bicubic kernel (a = −0.5) whose support widens by the scale factor when shrinking
/// (antialiasing). Weights are normalised per output pixel, converted to 22-bit fixed point, and
/// every pass rounds and clips to 0…255, so the result matches Pillow byte for byte.
extension RGBImage {
    /// This image resized to `newWidth × newHeight` with Pillow's BICUBIC filter.
    public func resizedBicubic(width newWidth: Int, height newHeight: Int) -> RGBImage {
        precondition(newWidth > 0 && newHeight > 0, "resizedBicubic: size \(newWidth)×\(newHeight) must be positive")
        let horizontal = ResampleCoefficients(inSize: width, outSize: newWidth)
        let vertical = ResampleCoefficients(inSize: height, outSize: newHeight)
        var image = self
        if newWidth != width {
            // Pillow only filters the source rows the vertical pass will read.
            let first = vertical.bounds.first?.start ?? 0
            let last = vertical.bounds.map { $0.start + $0.count }.max() ?? height
            let rows = newHeight != height ? first..<last : 0..<height
            image = image.resampledRows(rows, horizontal)
            let shifted = ResampleCoefficients(shifting: vertical, by: rows.lowerBound)
            if newHeight != height { image = image.resampledColumns(shifted) }
        } else if newHeight != height {
            image = image.resampledColumns(vertical)
        }
        return image
    }

    /// Horizontal pass over source rows `rows`: every output pixel is Σ weight · input along x.
    private func resampledRows(_ rows: Range<Int>, _ c: ResampleCoefficients) -> RGBImage {
        let outWidth = c.bounds.count
        var out = [UInt8](repeating: 0, count: outWidth * rows.count * 3)
        for (oy, y) in rows.enumerated() {
            for ox in 0..<outWidth {
                let (start, count) = c.bounds[ox]
                for channel in 0..<3 {
                    var sum = ResampleCoefficients.half
                    for i in 0..<count {
                        sum &+= Int32(pixels[(y * width + start + i) * 3 + channel]) &* c.weights[ox * c.kernelSize + i]
                    }
                    out[(oy * outWidth + ox) * 3 + channel] = ResampleCoefficients.clip8(sum)
                }
            }
        }
        return RGBImage(width: outWidth, height: rows.count, pixels: out)
    }

    /// Vertical pass: every output pixel is Σ weight · input along y.
    private func resampledColumns(_ c: ResampleCoefficients) -> RGBImage {
        let outHeight = c.bounds.count
        var out = [UInt8](repeating: 0, count: width * outHeight * 3)
        for oy in 0..<outHeight {
            let (start, count) = c.bounds[oy]
            for x in 0..<width {
                for channel in 0..<3 {
                    var sum = ResampleCoefficients.half
                    for i in 0..<count {
                        sum &+= Int32(pixels[((start + i) * width + x) * 3 + channel]) &* c.weights[oy * c.kernelSize + i]
                    }
                    out[(oy * width + x) * 3 + channel] = ResampleCoefficients.clip8(sum)
                }
            }
        }
        return RGBImage(width: width, height: outHeight, pixels: out)
    }
}

/// Pillow's `precompute_coeffs` + `normalize_coeffs_8bpc` for one axis and the bicubic filter.
struct ResampleCoefficients {
    /// Fixed-point fraction bits (`PRECISION_BITS = 32 − 8 − 2`).
    static let precisionBits: Int32 = 22
    /// The rounding offset every sum starts from, ½ in fixed point.
    static let half: Int32 = 1 << (precisionBits - 1)

    /// Weights per output pixel, `kernelSize` slots each (unused slots 0).
    let weights: [Int32]
    let kernelSize: Int
    /// First input index and number of inputs for each output pixel.
    let bounds: [(start: Int, count: Int)]

    /// `bicubic_filter` with a = −0.5.
    static func bicubic(_ t: Double) -> Double {
        let a = -0.5, x = Swift.abs(t)
        if x < 1 { return ((a + 2) * x - (a + 3)) * x * x + 1 }
        if x < 2 { return (((x - 5) * x + 8) * x - 4) * a }
        return 0
    }

    init(inSize: Int, outSize: Int) {
        let scale = Double(inSize) / Double(outSize)
        let filterScale = Swift.max(scale, 1)
        let support = 2 * filterScale
        kernelSize = Int(support.rounded(.up)) * 2 + 1
        var weights = [Int32](repeating: 0, count: outSize * kernelSize)
        var bounds: [(start: Int, count: Int)] = []
        for o in 0..<outSize {
            let center = (Double(o) + 0.5) * scale
            let xmin = Swift.max(Int(center - support + 0.5), 0)
            let xmax = Swift.min(Int(center + support + 0.5), inSize) - xmin
            let inverseScale = 1 / filterScale
            let raw = (0..<xmax).map { Self.bicubic((Double($0 + xmin) - center + 0.5) * inverseScale) }
            let total = raw.reduce(0, +)
            for (i, w) in raw.enumerated() {
                let normalised = total != 0 ? w / total : w
                let fixed = normalised * Double(1 << Self.precisionBits)
                weights[o * kernelSize + i] = Int32(fixed < 0 ? -0.5 + fixed : 0.5 + fixed)
            }
            bounds.append((xmin, xmax))
        }
        self.weights = weights
        self.bounds = bounds
    }

    /// The same coefficients with every start moved up by `offset` rows.
    init(shifting c: ResampleCoefficients, by offset: Int) {
        weights = c.weights
        kernelSize = c.kernelSize
        bounds = c.bounds.map { ($0.start - offset, $0.count) }
    }

    /// `clip8`: the fixed-point sum back to 0…255.
    static func clip8(_ sum: Int32) -> UInt8 {
        UInt8(clamping: sum >> precisionBits)
    }
}
