/// Why an image file could not be read. Every message names the file.
public enum ImageFileError: Error, CustomStringConvertible, Equatable {
    case cannotRead(file: String, reason: String)
    /// Neither PNG nor JPEG (`detected` names what it looks like, if known).
    case unsupportedFormat(file: String, detected: String)
    /// libpng or libjpeg rejected the data (`reason` is the library's message).
    case corrupt(file: String, format: String, reason: String)

    public var description: String {
        switch self {
        case .cannotRead(let f, let r):
            return "cannot read image '\(f)': \(r)"
        case .unsupportedFormat(let f, let d):
            return "'\(f)' is \(d), not a PNG or JPEG image; convert it to PNG or JPEG"
        case .corrupt(let f, let format, let r):
            return "'\(f)' is not a valid \(format) file (\(r)); it may be truncated or corrupt"
        }
    }
}
