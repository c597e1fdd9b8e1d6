import Foundation

/// Writes safetensors files that the reference reader (and `safetensors.torch.load_file`) accepts.
public enum SafeTensors {
    /// Element type for stored float tensors.
    public enum FloatFormat: Sendable {
        case f32, f16, bf16
        var dtype: SafeTensorsDType {
            switch self { case .f32: return .f32; case .f16: return .f16; case .bf16: return .bf16 }
        }
    }

    /// Element type for stored masks (`true` is stored as 1).
    public enum MaskFormat: Sendable {
        case u8, bool
        var dtype: SafeTensorsDType { self == .u8 ? .u8 : .bool }
    }

    /// Writes `tensors` and `masks` to `url` (atomically).
    ///
    /// Layout: 8-byte little-endian header length `N`; a JSON header with `__metadata__` first
    /// (when non-empty) and entries sorted by name, right-padded with spaces so `N` is a multiple
    /// of 8; then each tensor's row-major little-endian bytes, packed back to back in name order.
    /// Floats are stored as `floatFormat` (F16/BF16 round to nearest even). Names must be unique
    /// across `tensors` and `masks` and must not be `__metadata__` (programmer errors).
    public static func write(_ tensors: [String: Tensor], masks: [String: Mask] = [:],
                             metadata: [String: String] = [:], floatFormat: FloatFormat = .f32,
                             maskFormat: MaskFormat = .u8, to url: URL) throws {
        let clash = Set(tensors.keys).intersection(masks.keys)
        precondition(clash.isEmpty, "SafeTensors.write: names used for both a tensor and a mask: \(clash.sorted())")
        precondition(tensors["__metadata__"] == nil && masks["__metadata__"] == nil,
                     "SafeTensors.write: '__metadata__' is reserved and cannot name a tensor")
        var body = Data()
        var entries: [String] = []
        let names = (Array(tensors.keys) + Array(masks.keys)).sorted()
        for name in names {
            let begin = body.count
            let shape: [Int]
            let dtype: SafeTensorsDType
            if let t = tensors[name] {
                shape = t.shape
                dtype = floatFormat.dtype
                t.withUnsafeContiguousBuffer { append($0, as: floatFormat, to: &body) }
            } else if let m = masks[name] {
                shape = m.shape
                dtype = maskFormat.dtype
                body.append(contentsOf: m.values.map { $0 ? 1 : 0 } as [UInt8])
            } else { continue }
            let dims = shape.map(String.init).joined(separator: ",")
            entries.append("\(jsonString(name)):{\"dtype\":\"\(dtype.rawValue)\",\"shape\":[\(dims)],\"data_offsets\":[\(begin),\(body.count)]}")
        }
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted().map { "\(jsonString($0)):\(jsonString(metadata[$0] ?? ""))" }
            entries.insert("\"__metadata__\":{\(pairs.joined(separator: ","))}", at: 0)
        }
        var header = Array("{\(entries.joined(separator: ","))}".utf8)
        header.append(contentsOf: [UInt8](repeating: 0x20, count: (8 - header.count % 8) % 8))
        var file = Data()
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { file.append(contentsOf: $0) }
        file.append(contentsOf: header)
        file.append(body)
        do {
            try file.write(to: url, options: .atomic)
        } catch {
            throw SafeTensorsError.cannotWrite(file: url.path, reason: error.localizedDescription)
        }
    }

    private static func append(_ values: UnsafeBufferPointer<Float>, as format: FloatFormat, to body: inout Data) {
        switch format {
        case .f32:
            for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { body.append(contentsOf: $0) } }
        case .f16:
            for v in values { withUnsafeBytes(of: HalfPrecision.f16FromFloat(v).littleEndian) { body.append(contentsOf: $0) } }
        case .bf16:
            for v in values { withUnsafeBytes(of: HalfPrecision.bf16FromFloat(v).littleEndian) { body.append(contentsOf: $0) } }
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
