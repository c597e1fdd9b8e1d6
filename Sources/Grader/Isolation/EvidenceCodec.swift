import Foundation
import TensorKit

/// The binary record format of the result channel between a check child and the grader.
///
/// One record per check, appended in order:
/// ```
/// nonce (16 bytes) | check index (UInt32) | item count (UInt32) | items…
/// item = name length (UInt32) | name (UTF-8) | kind (UInt8: 0 tensor, 1 mask, 2 problem) | payload
///   tensor:  rank (UInt32) | dims (Int64 × rank) | Float32 bit patterns (UInt32 × count)
///   mask:    rank (UInt32) | dims (Int64 × rank) | bytes (0/1 × count)
///   problem: length (UInt32) | UTF-8
/// ```
/// All integers little-endian; floats in the machine's byte order (parent and child are one binary).
/// The nonce is the one the parent chose for this run. Bytes that do not start with it (learner code
/// writing to descriptors it should not) are skipped up to the next nonce; a wrong index or a
/// truncated body ends the reading.
public enum EvidenceCodec {
    public static func encode(_ evidence: Evidence, checkIndex: Int, nonce: [UInt8]) -> Data {
        var out = Data(nonce)
        out.appendInteger(UInt32(checkIndex))
        out.appendInteger(UInt32(evidence.items.count))
        for (name, value) in evidence.items {
            out.appendString(name)
            switch value {
            case .tensor(let t):
                out.append(0)
                out.appendShape(t.shape)
                t.scalars.withUnsafeBytes { out.append(contentsOf: $0) }
            case .mask(let m):
                out.append(1)
                out.appendShape(m.shape)
                out.append(contentsOf: m.values.map { $0 ? 1 : 0 })
            case .problem(let message):
                out.append(2)
                out.appendString(message)
            }
        }
        return out
    }

    /// Decodes the records in `data`, expecting indices 0, 1, 2, … in order; stops at the first
    /// malformed one and says why in `problem`.
    public static func decodeAll(_ data: Data, nonce: [UInt8]) -> (records: [Evidence], problem: String?) {
        var records: [Evidence] = []
        do {
            let skipped = try decode(data, nonce: nonce) { records.append($0) }
            return (records, skipped ? "the result channel held bytes the grader did not ask for (skipped)" : nil)
        } catch {
            return (records, "\(error)")
        }
    }

    /// Calls `body` with each record; returns whether foreign bytes were skipped.
    private static func decode(_ data: Data, nonce: [UInt8], _ body: (Evidence) -> Void) throws -> Bool {
        var reader = ByteReader(bytes: [UInt8](data))
        var count = 0, skipped = false
        while !reader.atEnd {
            guard try reader.bytes(nonce.count) == nonce else {
                // Bytes the grader did not ask for (learner code writing to every descriptor):
                // skip to the next record that carries this run's nonce.
                reader.position -= nonce.count
                guard reader.skip(to: nonce) else { break }
                skipped = true
                continue
            }
            let index = Int(try reader.uint32())
            guard index == count else {
                throw CheckFailure("the result channel holds check \(index) where check \(count) was expected")
            }
            var items: [(name: String, value: Evidence.Value)] = []
            for _ in 0..<(try reader.uint32()) {
                let name = try reader.string()
                switch try reader.byte() {
                case 0:
                    let shape = try reader.shape()
                    let scalars = try reader.floats(Shape.count(shape))
                    items.append((name, .tensor(Tensor(shape: shape, scalars: scalars))))
                case 1:
                    let shape = try reader.shape()
                    let values = try reader.bytes(Shape.count(shape)).map { $0 != 0 }
                    items.append((name, .mask(Mask(shape: shape, values: values))))
                case 2:
                    items.append((name, .problem(try reader.string())))
                default:
                    throw CheckFailure("the result channel holds an unknown value kind")
                }
            }
            body(Evidence(items: items))
            count += 1
        }
        return skipped
    }
}

private struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    var atEnd: Bool { position >= bytes.count }

    /// Moves to the next occurrence of `marker` after the current position; false if there is none.
    mutating func skip(to marker: [UInt8]) -> Bool {
        var i = position + 1
        while i + marker.count <= bytes.count {
            if bytes[i] == marker[0] && Array(bytes[i..<i + marker.count]) == marker {
                position = i
                return true
            }
            i += 1
        }
        position = bytes.count
        return false
    }

    mutating func bytes(_ n: Int) throws -> [UInt8] {
        guard n >= 0, position + n <= bytes.count else { throw CheckFailure("the result channel was cut short") }
        defer { position += n }
        return Array(bytes[position..<position + n])
    }

    /// `n` Float32 values in the machine's (little-endian) byte order, copied in one block.
    mutating func floats(_ n: Int) throws -> [Float] {
        let raw = try bytes(n * 4)
        return [Float](unsafeUninitializedCapacity: n) { buffer, initialized in
            raw.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            }
            initialized = n
        }
    }

    mutating func byte() throws -> UInt8 { try bytes(1)[0] }

    mutating func uint32() throws -> UInt32 {
        try bytes(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func int64() throws -> Int64 {
        Int64(bitPattern: try bytes(8).reversed().reduce(0) { $0 << 8 | UInt64($1) })
    }

    mutating func string() throws -> String {
        let n = Int(try uint32())
        return String(decoding: try bytes(n), as: UTF8.self)
    }

    mutating func shape() throws -> [Int] {
        let rank = Int(try uint32())
        guard rank <= 8 else { throw CheckFailure("the result channel holds a tensor of rank \(rank)") }
        let shape = try (0..<rank).map { _ in Int(try int64()) }
        guard shape.allSatisfy({ $0 >= 0 && $0 < 1 << 28 }), Shape.count(shape) < 1 << 28 else {
            throw CheckFailure("the result channel holds an impossible shape \(shape)")
        }
        return shape
    }
}

private extension Data {
    mutating func appendInteger<I: FixedWidthInteger>(_ value: I) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    mutating func appendString(_ s: String) {
        appendInteger(UInt32(s.utf8.count))
        append(contentsOf: Array(s.utf8))
    }

    mutating func appendShape(_ shape: [Int]) {
        appendInteger(UInt32(shape.count))
        for d in shape { appendInteger(Int64(d)) }
    }
}
