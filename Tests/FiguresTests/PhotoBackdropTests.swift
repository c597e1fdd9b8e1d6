import Images
import Testing
@testable import Figures

/// A map drawn over a photo (`PhotoBackdrop`), read back from the PNG: a synthetic 8 × 8 photo with
/// one colour per quadrant under a 4 × 4 map, so each cell lies over one known photo colour.
@Suite struct PhotoBackdropTests {
    /// Quadrant colours: red 200 on the left, 40 on the right; green 160 at the top, 60 at the bottom.
    static func photoColor(row: Int, column: Int) -> (Double, Double, Double) {
        (column < 2 ? 200 : 40, row < 2 ? 160 : 60, 100)
    }

    static let photo = RGBImage(width: 8, height: 8, pixels: (0..<64).flatMap { i -> [UInt8] in
        let c = photoColor(row: i / 8 / 2, column: i % 8 / 2)
        return [UInt8(c.0), UInt8(c.1), UInt8(c.2)]
    })

    /// Zero everywhere but the maximum at [1, 3] (top right), a half at [2, 0] and NaN at [3, 3].
    static let map: [[Float]] = [[0, 0, 0, 0], [0, 0, 0, 1], [0.5, 0, 0, 0], [0, 0, 0, .nan]]
    static let (brightness, opacity) = (0.6, 0.75)

    func render() throws -> (DecodedPNG, PNGLayout.PanelFrame, Panel) {
        let panel = Panel(title: "over a photo", xLabel: "patch column", yLabel: "patch row", data: Self.map, vmin: 0,
                          vmax: 1, colorMap: .inferno, hasColorBar: false,
                          backdrop: PhotoBackdrop(photo: Self.photo, brightness: Self.brightness,
                                                  peakOpacity: Self.opacity))
        let figure = Figure(name: "backdrop", seed: nil, panels: [panel], size: .init(width: 4, height: 4))
        let (image, layout) = try DecodedPNG.roundTrip { try PNGRenderer(figure: figure, dpi: 100).write(to: $0) }
        return (try #require(image), layout.frames[0], panel)
    }

    /// `(1 − α·t) · brightness · P + α·t · C(t)` at the centre of cell (`row`, `column`).
    func expected(row: Int, column: Int, t: Double) -> (Double, Double, Double) {
        let p = Self.photoColor(row: row, column: column), c = ColorMap.inferno.color(atFraction: t)
        let a = Self.opacity * t
        func mix(_ photo: Double, _ color: UInt8) -> Double { (1 - a) * Self.brightness * photo + a * Double(color) }
        return (mix(p.0, c.red), mix(p.1, c.green), mix(p.2, c.blue))
    }

    func sample(_ image: DecodedPNG, _ frame: PNGLayout.PanelFrame, row: Int, column: Int) -> RGB {
        image[(frame.heatmap.x + (Double(column) + 0.5) * frame.cellSize,
               frame.heatmap.y + (Double(row) + 0.5) * frame.cellSize)]
    }

    /// Within 2 of `rgb` in every channel (Cairo composites in 8 bits).
    func near(_ pixel: RGB, _ rgb: (Double, Double, Double)) -> Bool {
        zip([pixel.red, pixel.green, pixel.blue], [rgb.0, rgb.1, rgb.2]).allSatisfy { abs(Double($0) - $1) <= 2 }
    }

    @Test func whereTheMapIsZeroTheDimmedPhotoShowsInItsPlace() throws {
        let (image, frame, _) = try render()
        // One cell per quadrant: the photo is neither flipped nor shifted.
        for (row, column) in [(0, 0), (0, 3), (3, 0), (2, 3)] {
            let pixel = sample(image, frame, row: row, column: column)
            let p = Self.photoColor(row: row, column: column)
            #expect(near(pixel, (0.6 * p.0, 0.6 * p.1, 0.6 * p.2)), "[\(row), \(column)]: \(pixel)")
        }
        #expect(sample(image, frame, row: 0, column: 0) == RGB(120, 96, 60))
    }

    @Test func theMaximumShowsTheColourMapsTopColourOverThePhoto() throws {
        let (image, frame, _) = try render()
        let top = sample(image, frame, row: 1, column: 3)
        // 0.75 · #FCFFA4 + 0.25 · 0.6 · (40, 160, 100)
        #expect(near(top, (195, 215.25, 138)), "\(top)")
        #expect(near(top, expected(row: 1, column: 3, t: 1)))
        let below = sample(image, frame, row: 0, column: 3)  // same photo colour, attention 0
        #expect(top.luma > below.luma + 0.4)
    }

    @Test func aHalfwayValueBlendsHalfTheOpacityAndNaNLeavesThePhoto() throws {
        let (image, frame, _) = try render()
        let half = sample(image, frame, row: 2, column: 0)
        #expect(near(half, expected(row: 2, column: 0, t: 0.5)), "\(half)")
        #expect(near(sample(image, frame, row: 3, column: 3), expected(row: 3, column: 3, t: 0)))
    }

    @Test func overlayPixelsCarryTheColourAndAnOpacityThatGrowsWithTheValue() throws {
        let (_, _, panel) = try render()
        let pixels = panel.overlayPixels(peakOpacity: 0.75)
        #expect(pixels.count == 4 * 4 * 4)
        let top = ColorMap.inferno.color(atFraction: 1)
        #expect(Array(pixels[28..<32]) == [top.red, top.green, top.blue, 191])  // [1, 3]: 0.75 · 255
        #expect(pixels[4 * 8 + 3] == 96)                                         // [2, 0]: 0.375 · 255
        #expect(pixels[3] == 0 && Array(pixels[60..<64]) == [0, 0, 0, 0])       // zero and NaN: transparent
    }
}
