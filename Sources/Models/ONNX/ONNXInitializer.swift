import TensorKit

/// A constant tensor of an ONNX graph (`TensorProto` in `GraphProto.initializer`): the weights.
public struct ONNXInitializer: Sendable {
    public let name: String
    /// Shape, outermost first (ONNX `dims`).
    public let dims: [Int]
    /// ONNX `TensorProto.DataType` (1 = float32).
    public let dataType: Int
    /// The values as a contiguous tensor of shape `dims`, or `nil` for a type other than float32.
    public let tensor: Tensor?
}

extension ONNXInitializer {
    /// Parses a `TensorProto`: dims = 1 (int64; unpacked in proto2 files, packed accepted too),
    /// data_type = 2, float_data = 4 (packed floats), name = 8, raw_data = 9 (little-endian bytes at
    /// any alignment), data_location = 14 (1 = external, unsupported). Float data is copied out.
    init(protobuf bytes: UnsafeRawBufferPointer, file: String) throws(ONNXError) {
        var reader = ProtobufReader(bytes)
        var name = "", dims: [Int] = [], dataType = 0, external = false
        var raw: UnsafeRawBufferPointer?
        var floats: [Float] = []
        do {
            while let field = try reader.next() {
                switch (field.number, field.value) {
                case (1, _): dims += try field.value.integers().map { Int($0) }
                case (2, _): dataType = Int(try field.value.integer())
                case (4, .fixed32(let bits)): floats.append(Float(bitPattern: bits))
                case (4, .bytes(let packed)): floats += Self.floats(packed)
                case (8, _): name = try field.value.string()
                case (9, _): raw = try field.value.payload()
                case (14, _): external = try field.value.integer() == 1
                default: continue
                }
            }
        } catch {
            throw .malformed(file: file, context: "initializer '\(name)'", reason: error.reason)
        }
        guard !external else {
            throw .malformed(file: file, context: "initializer '\(name)'", reason: "external data is not supported")
        }
        guard dims.allSatisfy({ $0 >= 0 }) else {
            throw .malformed(file: file, context: "initializer '\(name)'", reason: "negative dims \(dims)")
        }
        self.name = name
        self.dims = dims
        self.dataType = dataType
        guard dataType == 1 else { tensor = nil; return }
        let count = Shape.count(dims)
        if let raw {
            guard raw.count == count * 4 else {
                throw .wrongByteCount(file: file, tensor: name, dims: dims, bytes: raw.count)
            }
            floats = Self.floats(raw)
        } else if floats.count != count {
            throw .wrongByteCount(file: file, tensor: name, dims: dims, bytes: floats.count * 4)
        }
        tensor = Tensor(shape: dims, scalars: floats)
    }

    /// Float32 values from little-endian bytes at any alignment: one `memcpy` (the host is
    /// little-endian, as on every platform Swift on Linux supports).
    private static func floats(_ bytes: UnsafeRawBufferPointer) -> [Float] {
        [Float](unsafeUninitializedCapacity: bytes.count / 4) { buffer, count in
            count = bytes.count / 4
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[..<(4 * count)]))
        }
    }
}
