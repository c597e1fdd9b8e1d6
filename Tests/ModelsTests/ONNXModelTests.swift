import Foundation
import Models
import TensorKit
import Testing

/// A hand-encoded ONNX file exercising the wire format: unpacked and packed dims, raw_data at an odd
/// offset, packed float_data, and unknown fields of every wire type.
struct ONNXModelTests {
    /// Minimal protobuf encoder for the test messages.
    struct Encoder {
        var bytes: [UInt8] = []
        mutating func varint(_ v: UInt64) {
            var v = v
            while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
            bytes.append(UInt8(v))
        }
        mutating func key(_ field: Int, _ wire: Int) { varint(UInt64(field << 3 | wire)) }
        mutating func int(_ field: Int, _ v: Int64) { key(field, 0); varint(UInt64(bitPattern: v)) }
        mutating func bytes(_ field: Int, _ b: [UInt8]) { key(field, 2); varint(UInt64(b.count)); bytes += b }
        mutating func string(_ field: Int, _ s: String) { bytes(field, Array(s.utf8)) }
        mutating func fixed32(_ field: Int, _ v: UInt32) { key(field, 5); withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
        mutating func fixed64(_ field: Int, _ v: UInt64) { key(field, 1); withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    }

    static func floatBytes(_ values: [Float]) -> [UInt8] {
        values.flatMap { v in withUnsafeBytes(of: v.bitPattern.littleEndian, Array.init) }
    }

    static func model() -> [UInt8] {
        var raw = Encoder()                       // TensorProto, proto2 style
        raw.int(1, 2); raw.int(1, 3)              // dims, unpacked
        raw.int(2, 1)                             // FLOAT
        raw.string(8, "w")
        raw.fixed64(99, 7)                        // unknown fixed64
        raw.bytes(9, floatBytes([1, 2, 3, 4, 5, -6]))
        var packed = Encoder()
        var dims = Encoder(); dims.varint(3)
        packed.bytes(1, dims.bytes)               // dims, packed
        packed.int(2, 1)
        packed.bytes(4, floatBytes([0.5, 0.25, -1]))
        packed.string(8, "b")
        packed.fixed32(98, 1)                     // unknown fixed32
        var ints = Encoder()
        ints.int(1, 1); ints.int(2, 7); ints.string(8, "shape")   // INT64, no data: not readable as floats
        var node = Encoder()
        node.string(1, "x"); node.string(1, "w"); node.string(2, "y"); node.string(3, "/mm"); node.string(4, "MatMul")
        var graph = Encoder()
        graph.bytes(1, node.bytes)
        graph.string(2, "g")
        graph.bytes(5, raw.bytes); graph.bytes(5, packed.bytes); graph.bytes(5, ints.bytes)
        var model = Encoder()
        model.int(1, 7)
        model.string(2, "pytorch")
        model.int(97, 12345)                      // unknown varint
        model.bytes(7, graph.bytes)
        return model.bytes
    }

    func write(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("onnx-test-\(UUID().uuidString).onnx")
        try Data(bytes).write(to: url)
        return url
    }

    @Test func readsNodesAndInitializers() throws {
        let url = try write(Self.model())
        defer { try? FileManager.default.removeItem(at: url) }
        let model = try ONNXModel(contentsOf: url)
        #expect(model.irVersion == 7 && model.producer == "pytorch")
        #expect(model.nodes.map(\.name) == ["/mm"] && model.nodes.map(\.opType) == ["MatMul"])
        #expect(model.nodes.first?.inputs == ["x", "w"] && model.nodes.first?.outputs == ["y"])
        #expect(try model.initializer("w").shape == [2, 3])
        #expect(try model.initializer("w").scalars == [1, 2, 3, 4, 5, -6])
        #expect(try model.initializer("b").scalars == [0.5, 0.25, -1])
        #expect(throws: ONNXError.unsupportedDataType(file: url.path, tensor: "shape", dataType: 7)) {
            try model.initializer("shape")
        }
        #expect(throws: ONNXError.tensorNotFound(file: url.path, tensor: "nope")) { try model.initializer("nope") }
    }

    @Test func truncatedFileIsAnErrorNamingTheFile() throws {
        let bytes = Self.model()
        let url = try write(Array(bytes.prefix(bytes.count - 5)))
        defer { try? FileManager.default.removeItem(at: url) }
        let error = #expect(throws: ONNXError.self) { try ONNXModel(contentsOf: url) }
        guard case .malformed(let file, _, _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(file == url.path)
    }

    @Test func wrongByteCountIsReported() throws {
        var t = Encoder()
        t.int(1, 4); t.int(2, 1); t.string(8, "short"); t.bytes(9, Self.floatBytes([1, 2, 3]))
        var graph = Encoder(); graph.bytes(5, t.bytes)
        var model = Encoder(); model.bytes(7, graph.bytes)
        let url = try write(model.bytes)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: ONNXError.wrongByteCount(file: url.path, tensor: "short", dims: [4], bytes: 12)) {
            try ONNXModel(contentsOf: url)
        }
    }

    @Test func missingFileSaysToRunSetup() {
        let error = #expect(throws: ONNXError.self) { try ONNXModel(contentsOf: URL(fileURLWithPath: "/nonexistent/m.onnx")) }
        #expect(error?.description.contains("scripts/setup") == true)
    }
}
