/// Why a safetensors file could not be read or written. Every message names the file and, where
/// one is involved, the tensor; says what is wrong; and says what to do about it.
public enum SafeTensorsError: Error, CustomStringConvertible, Equatable {
    /// The file could not be opened, inspected or mapped (`reason` is the OS error).
    case cannotOpen(file: String, reason: String)
    /// The file could not be written.
    case cannotWrite(file: String, reason: String)
    /// Fewer than the 8 bytes of the header-length prefix.
    case fileTooShort(file: String, length: Int)
    /// The header-length prefix exceeds the 100 MB limit of the reference implementation.
    case headerTooLarge(file: String, headerLength: UInt64)
    /// The header-length prefix points past the end of the file.
    case headerBeyondFile(file: String, headerLength: UInt64, fileLength: Int)
    case headerNotUTF8(file: String)
    case headerNotJSON(file: String, reason: String)
    case headerNotObject(file: String)
    /// The same top-level key appears twice in the header.
    case duplicateKey(file: String, key: String)
    /// `__metadata__` is not an object of strings.
    case invalidMetadata(file: String)
    /// A tensor entry is not an object.
    case entryNotObject(file: String, tensor: String)
    case missingField(file: String, tensor: String, field: String)
    case wrongFieldType(file: String, tensor: String, field: String, expected: String)
    case unknownDType(file: String, tensor: String, dtype: String)
    case negativeDimension(file: String, tensor: String, shape: [Int])
    case endBeforeBegin(file: String, tensor: String, begin: Int, end: Int)
    /// `data_offsets` reach past the end of the byte buffer.
    case offsetsOutOfBounds(file: String, tensor: String, end: Int, bufferLength: Int)
    /// `end − begin` differs from `numel × dtype size`.
    case byteCountMismatch(file: String, tensor: String, expected: Int, actual: Int)
    /// Two tensors share bytes.
    case overlappingTensors(file: String, first: String, second: String)
    /// Bytes of the buffer that no tensor covers: before `next` (nil: at the end), after `previous`
    /// (nil: at the start).
    case gapInBuffer(file: String, previous: String?, next: String?, gapStart: Int, gapEnd: Int)
    case tensorNotFound(file: String, tensor: String, available: [String])
    /// `mask(_:)` was asked for a tensor that is not U8 or BOOL.
    case notAMask(file: String, tensor: String, dtype: String)

    /// The file the error is about.
    public var file: String {
        switch self {
        case .cannotOpen(let f, _), .cannotWrite(let f, _), .fileTooShort(let f, _), .headerTooLarge(let f, _),
             .headerBeyondFile(let f, _, _), .headerNotUTF8(let f), .headerNotJSON(let f, _), .headerNotObject(let f),
             .duplicateKey(let f, _), .invalidMetadata(let f), .entryNotObject(let f, _), .missingField(let f, _, _),
             .wrongFieldType(let f, _, _, _), .unknownDType(let f, _, _), .negativeDimension(let f, _, _),
             .endBeforeBegin(let f, _, _, _), .offsetsOutOfBounds(let f, _, _, _), .byteCountMismatch(let f, _, _, _),
             .overlappingTensors(let f, _, _), .gapInBuffer(let f, _, _, _, _), .tensorNotFound(let f, _, _),
             .notAMask(let f, _, _):
            return f
        }
    }

    public var description: String {
        let corrupt = "The file is truncated or corrupt: re-download or re-export it (e.g. with safetensors.torch.save_file)."
        switch self {
        case .cannotOpen(let f, let r):
            return "safetensors: cannot open '\(f)': \(r). Check that the path exists and is readable."
        case .cannotWrite(let f, let r):
            return "safetensors: cannot write '\(f)': \(r). Check that the directory exists and is writable."
        case .fileTooShort(let f, let n):
            return "safetensors: '\(f)' has \(n) bytes, fewer than the 8-byte header length. \(corrupt)"
        case .headerTooLarge(let f, let n):
            return "safetensors: '\(f)' declares a \(n)-byte header, above the 100 MB limit, so it is not a valid safetensors file. \(corrupt)"
        case .headerBeyondFile(let f, let n, let len):
            return "safetensors: '\(f)' declares a \(n)-byte header but the file has only \(len) bytes. \(corrupt)"
        case .headerNotUTF8(let f):
            return "safetensors: the JSON header of '\(f)' is not valid UTF-8. \(corrupt)"
        case .headerNotJSON(let f, let r):
            return "safetensors: the header of '\(f)' is not valid JSON (\(r)). \(corrupt)"
        case .headerNotObject(let f):
            return "safetensors: the header of '\(f)' is JSON but not an object {name: entry, …}. \(corrupt)"
        case .duplicateKey(let f, let k):
            return "safetensors: the header of '\(f)' lists '\(k)' twice; keys must be unique. Re-export the file."
        case .invalidMetadata(let f):
            return "safetensors: '__metadata__' in '\(f)' must map strings to strings. Re-export the file with string metadata."
        case .entryNotObject(let f, let t):
            return "safetensors: entry '\(t)' in '\(f)' is not an object with dtype, shape and data_offsets. \(corrupt)"
        case .missingField(let f, let t, let field):
            return "safetensors: tensor '\(t)' in '\(f)' has no '\(field)' field. \(corrupt)"
        case .wrongFieldType(let f, let t, let field, let expected):
            return "safetensors: field '\(field)' of tensor '\(t)' in '\(f)' must be \(expected). \(corrupt)"
        case .unknownDType(let f, let t, let d):
            return "safetensors: tensor '\(t)' in '\(f)' has unknown dtype '\(d)' (known: \(SafeTensorsDType.allCases.map(\.rawValue).joined(separator: ", "))). Convert it to F32 before saving."
        case .negativeDimension(let f, let t, let s):
            return "safetensors: tensor '\(t)' in '\(f)' has a negative dimension in shape \(s). \(corrupt)"
        case .endBeforeBegin(let f, let t, let b, let e):
            return "safetensors: tensor '\(t)' in '\(f)' has data_offsets [\(b), \(e)] with end before begin. \(corrupt)"
        case .offsetsOutOfBounds(let f, let t, let e, let len):
            return "safetensors: tensor '\(t)' in '\(f)' ends at byte \(e) of a \(len)-byte data buffer. \(corrupt)"
        case .byteCountMismatch(let f, let t, let want, let got):
            return "safetensors: tensor '\(t)' in '\(f)' needs \(want) bytes for its shape and dtype but its data_offsets span \(got). \(corrupt)"
        case .overlappingTensors(let f, let a, let b):
            return "safetensors: tensors '\(a)' and '\(b)' in '\(f)' overlap in the data buffer. \(corrupt)"
        case .gapInBuffer(let f, let p, let n, let s, let e):
            let place = [p.map { "after '\($0)'" }, n.map { "before '\($0)'" }].compactMap { $0 }.joined(separator: " and ")
            return "safetensors: bytes \(s)..<\(e) of the data buffer of '\(f)' belong to no tensor (\(place.isEmpty ? "empty header" : place)); the buffer must be fully indexed without holes. \(corrupt)"
        case .tensorNotFound(let f, let t, let names):
            let shown = names.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
            let more = names.count > 5 ? ", … (\(names.count) in all)" : ""
            return "safetensors: no tensor '\(t)' in '\(f)'. Available: \(names.isEmpty ? "none" : shown + more). Check the name (and any 'vision_model.' prefix)."
        case .notAMask(let f, let t, let d):
            return "safetensors: tensor '\(t)' in '\(f)' is \(d), not U8 or BOOL, so it cannot be read as a Mask. Use tensor(_:) instead."
        }
    }
}
