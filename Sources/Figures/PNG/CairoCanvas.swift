import CCairo

/// A white image drawn with Cairo: rectangles, lines (solid or dashed), text through Cairo's toy
/// text API, scaled pixel images, written as PNG. The only file that holds Cairo's C pointers.
final class CairoCanvas {
    /// Where a text's anchor point sits on the text.
    enum Anchor {
        case topCenter, centerLeft, center, centerRight, bottomCenter
    }

    let width: Int
    let height: Int
    private let surface: OpaquePointer
    private let context: OpaquePointer

    /// A `width × height` RGB image filled with white, or `nil` when Cairo cannot make one.
    init?(width: Int, height: Int) {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            return nil
        }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            return nil
        }
        self.width = width
        self.height = height
        self.surface = surface
        self.context = context
        fill(x: 0, y: 0, width: Double(width), height: Double(height), color: .white)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    func fill(x: Double, y: Double, width: Double, height: Double, color: RGB) {
        setColor(color)
        cairo_rectangle(context, x, y, width, height)
        cairo_fill(context)
    }

    func strokeRectangle(x: Double, y: Double, width: Double, height: Double, color: RGB, lineWidth: Double) {
        setColor(color)
        cairo_set_line_width(context, lineWidth)
        cairo_set_dash(context, nil, 0, 0)
        cairo_rectangle(context, x, y, width, height)
        cairo_stroke(context)
    }

    /// A straight line; `dash` lists on/off lengths (empty for solid).
    func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double), color: RGB, lineWidth: Double,
              dash: [Double] = []) {
        setColor(color)
        cairo_set_line_width(context, lineWidth)
        cairo_set_dash(context, dash, Int32(dash.count), 0)
        cairo_move_to(context, start.x, start.y)
        cairo_line_to(context, end.x, end.y)
        cairo_stroke(context)
        cairo_set_dash(context, nil, 0, 0)
    }

    /// A filled circle with a thin black edge (a scatter mark).
    func mark(at center: (x: Double, y: Double), radius: Double, color: RGB, edgeWidth: Double) {
        cairo_new_sub_path(context)
        cairo_arc(context, center.x, center.y, radius, 0, 2 * Double.pi)
        setColor(color)
        cairo_fill_preserve(context)
        setColor(.black)
        cairo_set_line_width(context, edgeWidth)
        cairo_set_dash(context, nil, 0, 0)
        cairo_stroke(context)
    }

    /// Draws a `width × height` RGBA image (`rgba[(y · width + x) · 4 + c]`, straight alpha) scaled
    /// to fill the rectangle, over what is there: with `a = opacity · alpha`, each pixel becomes
    /// `a · image + (1 − a) · below`. Scaled smoothly (Cairo's GOOD filter, edges padded) or, with
    /// `smooth: false`, as blocks (nearest pixel).
    func image(rgba: [UInt8], width: Int, height: Int, in rect: (x: Double, y: Double, width: Double, height: Double),
               opacity: Double = 1, smooth: Bool) {
        precondition(width > 0 && height > 0 && rgba.count == width * height * 4,
                     "CairoCanvas.image: \(rgba.count) bytes do not fill \(width)×\(height)×4")
        let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        defer { cairo_surface_destroy(image) }
        if cairo_surface_status(image) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(image) {
            let stride = Int(cairo_image_surface_get_stride(image))
            for y in 0..<height {
                for x in 0..<width {
                    let i = (y * width + x) * 4
                    let alpha = UInt32(rgba[i + 3])
                    let premultiplied = { (c: UInt8) in (UInt32(c) * alpha + 127) / 255 }
                    // Cairo's ARGB32: premultiplied 0xAARRGGBB in native byte order.
                    let pixel = alpha << 24 | premultiplied(rgba[i]) << 16 | premultiplied(rgba[i + 1]) << 8
                        | premultiplied(rgba[i + 2])
                    UnsafeMutableRawPointer(data + y * stride).storeBytes(of: pixel, toByteOffset: 4 * x,
                                                                          as: UInt32.self)
                }
            }
            cairo_surface_mark_dirty(image)
        }
        cairo_save(context)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
        cairo_translate(context, rect.x, rect.y)
        cairo_scale(context, rect.width / Double(width), rect.height / Double(height))
        cairo_set_source_surface(context, image, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(context), smooth ? CAIRO_FILTER_GOOD : CAIRO_FILTER_NEAREST)
        cairo_pattern_set_extend(cairo_get_source(context), CAIRO_EXTEND_PAD)
        cairo_paint_with_alpha(context, opacity)
        cairo_restore(context)
    }

    /// The advance width of `text` in sans-serif at `size` pixels.
    func textWidth(_ text: String, size: Double, bold: Bool = false) -> Double {
        selectFont(size: size, bold: bold)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return extents.x_advance
    }

    /// Draws `text` (black, sans-serif, `size` pixels) with `anchor` at `point`, turned by
    /// `rotation` radians (`-π/2` reads bottom to top, as matplotlib's y labels do).
    func text(_ text: String, at point: (x: Double, y: Double), size: Double, bold: Bool = false,
              anchor: Anchor, rotation: Double = 0) {
        selectFont(size: size, bold: bold)
        var font = cairo_font_extents_t()
        cairo_font_extents(context, &font)
        let width = textWidth(text, size: size, bold: bold)
        let dx: Double
        switch anchor {
        case .centerLeft: dx = 0
        case .topCenter, .center, .bottomCenter: dx = -width / 2
        case .centerRight: dx = -width
        }
        let dy: Double  // from the anchor to the baseline
        switch anchor {
        case .topCenter: dy = font.ascent
        case .centerLeft, .center, .centerRight: dy = (font.ascent - font.descent) / 2
        case .bottomCenter: dy = -font.descent
        }
        cairo_save(context)
        setColor(.black)
        cairo_translate(context, point.x, point.y)
        cairo_rotate(context, rotation)
        cairo_move_to(context, dx, dy)
        cairo_show_text(context, text)
        cairo_restore(context)
    }

    /// Writes the image to `path` as PNG.
    /// - Throws: `.cannotWritePNG` when drawing failed (Cairo's sticky error) or the file cannot be written.
    func writePNG(to path: String) throws(FigureError) {
        let drawing = cairo_status(context)
        guard drawing == CAIRO_STATUS_SUCCESS else {
            throw .cannotWritePNG(path: path, reason: String(cString: cairo_status_to_string(drawing)))
        }
        cairo_surface_flush(surface)
        let status = cairo_surface_write_to_png(surface, path)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .cannotWritePNG(path: path, reason: String(cString: cairo_status_to_string(status)))
        }
    }

    private func setColor(_ color: RGB) {
        let (red, green, blue) = color.unitComponents
        cairo_set_source_rgb(context, red, green, blue)
    }

    private func selectFont(size: Double, bold: Bool) {
        cairo_select_font_face(context, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, size)
    }
}
