import CJPEG
import CPNG
import Foundation

/// PNG and JPEG files to `RGBImage`, through Debian's libpng and libjpeg-turbo.
extension RGBImage {
    /// Reads the PNG or JPEG file at `url` (told apart by its first bytes) as 8-bit RGB, like
    /// `PIL.Image.open(url).convert("RGB")`: grey is replicated, alpha is dropped.
    public init(contentsOf url: URL) throws {
        let file = url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ImageFileError.cannotRead(file: file, reason: error.localizedDescription)
        }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            self = try Self.decodePNG(bytes, file: file)
        } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = try Self.decodeJPEG(bytes, file: file)
        } else {
            throw ImageFileError.unsupportedFormat(file: file, detected: Self.guessFormat(bytes))
        }
    }

    /// libpng's simplified API (`png_image_*`), which reports errors in the struct instead of longjmp.
    private static func decodePNG(_ bytes: [UInt8], file: String) throws -> RGBImage {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        func failure() -> ImageFileError {
            let message = withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            png_image_free(&image)
            return .corrupt(file: file, format: "PNG", reason: message)
        }
        guard bytes.withUnsafeBytes({ png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }) != 0 else {
            throw failure()
        }
        image.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)  // PNG_FORMAT_RGBA
        let (width, height) = (Int(image.width), Int(image.height))
        var rgba = [UInt8](repeating: 0, count: width * height * 4)
        guard rgba.withUnsafeMutableBytes({ png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }) != 0 else {
            throw failure()
        }
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for i in 0..<(width * height) {
            rgb[i * 3] = rgba[i * 4]
            rgb[i * 3 + 1] = rgba[i * 4 + 1]
            rgb[i * 3 + 2] = rgba[i * 4 + 2]
        }
        return RGBImage(width: width, height: height, pixels: rgb)
    }

    /// libjpeg through the shim `vlm_jpeg_decode_rgb` (errors come back as NULL plus a message).
    private static func decodeJPEG(_ bytes: [UInt8], file: String) throws -> RGBImage {
        var width: Int32 = 0, height: Int32 = 0
        var message = [CChar](repeating: 0, count: Int(JMSG_LENGTH_MAX))
        let decoded = bytes.withUnsafeBufferPointer { buffer in
            vlm_jpeg_decode_rgb(buffer.baseAddress, UInt(buffer.count), &width, &height, &message)
        }
        guard let decoded else {
            let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw ImageFileError.corrupt(file: file, format: "JPEG", reason: reason)
        }
        defer { free(decoded) }
        let count = Int(width) * Int(height) * 3
        return RGBImage(width: Int(width), height: Int(height),
                        pixels: Array(UnsafeBufferPointer(start: decoded, count: count)))
    }

    /// A name for common non-PNG/JPEG signatures, for the error message.
    private static func guessFormat(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return "an empty file" }
        if bytes.starts(with: Array("GIF8".utf8)) { return "a GIF image" }
        if bytes.starts(with: Array("BM".utf8)) { return "a BMP image" }
        if bytes.starts(with: Array("RIFF".utf8)) { return "a RIFF (e.g. WebP) file" }
        // Text (ASCII or UTF-8): no control bytes other than tab, newline and carriage return.
        if bytes.prefix(512).allSatisfy({ $0 == 9 || $0 == 10 || $0 == 13 || ($0 >= 32 && $0 != 127) }) {
            return "a text file"
        }
        return "an unknown format"
    }
}
