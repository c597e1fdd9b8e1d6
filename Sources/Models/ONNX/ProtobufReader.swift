/// A reader of the protobuf wire format over a byte range: enough to walk ONNX's messages.
///
/// A message is a sequence of fields `key = (number << 3) | wireType`, each followed by a varint
/// (wire type 0), 8 bytes (1), a varint length and that many bytes (2) or 4 bytes (5). Unknown
/// fields are skipped by wire type, so newer ONNX files still parse. Multi-byte values are
/// little-endian and may sit at any offset (`loadUnaligned`).
struct ProtobufReader {
    /// One field of a message: its number and its payload.
    struct Field {
        let number: Int
        let value: Value
    }

    enum Value {
        case varint(UInt64)
        case fixed64(UInt64)
        case bytes(UnsafeRawBufferPointer)
        case fixed32(UInt32)
    }

    /// What is wrong with the bytes; the caller adds the file name.
    struct Malformed: Error {
        let reason: String
    }

    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// The next field, or `nil` at the end of the message.
    mutating func next() throws(Malformed) -> Field? {
        guard position < bytes.count else { return nil }
        let key = try varint()
        let number = Int(key >> 3)
        guard number > 0 else { throw Malformed(reason: "field number 0 at byte \(position)") }
        switch key & 7 {
        case 0: return Field(number: number, value: .varint(try varint()))
        case 1: return Field(number: number, value: .fixed64(try fixed(UInt64.self)))
        case 2:
            let length = try varint()
            guard length <= UInt64(bytes.count - position) else {
                throw Malformed(reason: "a \(length)-byte field runs past the end at byte \(position)")
            }
            let slice = UnsafeRawBufferPointer(rebasing: bytes[position..<(position + Int(length))])
            position += Int(length)
            return Field(number: number, value: .bytes(slice))
        case 5: return Field(number: number, value: .fixed32(try fixed(UInt32.self)))
        default: throw Malformed(reason: "unsupported wire type \(key & 7) at byte \(position)")
        }
    }

    /// A base-128 varint: 7 bits per byte, least significant group first, high bit = more.
    private mutating func varint() throws(Malformed) -> UInt64 {
        var result: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 7) {
            guard position < bytes.count else { throw Malformed(reason: "truncated varint at the end") }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << UInt64(shift)
            if byte & 0x80 == 0 { return result }
        }
        throw Malformed(reason: "varint longer than 10 bytes at byte \(position)")
    }

    private mutating func fixed<T: FixedWidthInteger>(_: T.Type) throws(Malformed) -> T {
        let size = MemoryLayout<T>.size
        guard bytes.count - position >= size else { throw Malformed(reason: "truncated fixed-width value") }
        let value = bytes.loadUnaligned(fromByteOffset: position, as: T.self)
        position += size
        return T(littleEndian: value)
    }
}

extension ProtobufReader.Value {
    /// The payload as a UTF-8 string (wire type 2).
    func string() throws(ProtobufReader.Malformed) -> String {
        guard case .bytes(let b) = self else { throw .init(reason: "expected a string, got \(self)") }
        return String(decoding: b, as: UTF8.self)
    }

    /// The payload as an integer (wire type 0, two's complement for negative int64).
    func integer() throws(ProtobufReader.Malformed) -> Int64 {
        guard case .varint(let v) = self else { throw .init(reason: "expected a varint, got \(self)") }
        return Int64(bitPattern: v)
    }

    /// The payload as raw bytes (wire type 2: sub-message, packed array or bytes).
    func payload() throws(ProtobufReader.Malformed) -> UnsafeRawBufferPointer {
        guard case .bytes(let b) = self else { throw .init(reason: "expected a length-delimited field, got \(self)") }
        return b
    }

    /// Integers of a repeated int field: one unpacked varint (proto2) or a packed run (proto3).
    func integers() throws(ProtobufReader.Malformed) -> [Int64] {
        switch self {
        case .varint(let v): return [Int64(bitPattern: v)]
        case .bytes(let b):
            var reader = ProtobufReader(b)
            var values: [Int64] = []
            while let v = try reader.packedVarint() { values.append(Int64(bitPattern: v)) }
            return values
        default: throw .init(reason: "expected integers, got \(self)")
        }
    }
}

extension ProtobufReader {
    /// The next varint of a packed run, or `nil` at its end.
    fileprivate mutating func packedVarint() throws(Malformed) -> UInt64? {
        position < bytes.count ? try varint() : nil
    }
}
