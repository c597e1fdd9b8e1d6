import CCairo
import Foundation
@testable import Figures

/// A PNG file read back with `cairo_image_surface_create_from_png`, as RGB pixels.
struct DecodedPNG {
    let width: Int
    let height: Int
    private let pixels: [RGB]

    /// `nil` when Cairo cannot read `path` as PNG.
    init?(path: String) {
        guard let surface = cairo_image_surface_create_from_png(path) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface)
        else { return nil }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        var pixels: [RGB] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            for x in 0..<width {
                // Cairo's 32-bit pixels are native-endian 0xAARRGGBB: B, G, R, A in memory here.
                let p = data + y * stride + 4 * x
                pixels.append(RGB(p[2], p[1], p[0]))
            }
        }
        self.pixels = pixels
    }

    /// Writes a PNG with `write` to a fresh temporary file, reads it back and deletes the file.
    static func roundTrip<Result>(_ write: (String) throws -> Result) throws -> (DecodedPNG?, Result) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("figure-\(UUID().uuidString).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try write(path)
        return (DecodedPNG(path: path), result)
    }

    subscript(x: Int, y: Int) -> RGB { pixels[y * width + x] }

    /// The pixel at a point given in fractional pixel coordinates.
    subscript(point: (x: Double, y: Double)) -> RGB { self[Int(point.x), Int(point.y)] }

    /// How many different colours the image has.
    var distinctColors: Int { Set(pixels).count }
}

extension RGB {
    /// Perceived brightness in [0, 1] (Rec. 601 luma).
    var luma: Double { (0.299 * Double(red) + 0.587 * Double(green) + 0.114 * Double(blue)) / 255 }
}
