import Foundation
import TensorKit

/// An ONNX model read with the project's own protobuf reader (`ProtobufReader`): the graph's
/// nodes in file order (topologically sorted, as ONNX requires) and its float32 initializers.
///
///     let model = try ONNXModel(contentsOf: url)
///     model.nodes.filter { $0.opType == "Softmax" }.count   // 12 for ViT-S/14
///     try model.initializer("backbone.layernorm.weight")      // [384]
///
/// Messages read (field numbers from onnx.proto): `ModelProto` ir_version 1, producer_name 2,
/// graph 7; `GraphProto` node 1, initializer 5; then `NodeProto` and `TensorProto`.
public struct ONNXModel: Sendable {
    /// The file's path, used in error messages.
    public let path: String
    public let irVersion: Int
    public let producer: String
    /// The graph's nodes in file order.
    public let nodes: [ONNXNode]
    /// Initializers by name.
    public let initializers: [String: ONNXInitializer]

    /// Reads and parses the whole file (memory-mapped); throws `ONNXError` naming the file.
    public init(contentsOf url: URL) throws(ONNXError) {
        path = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw .cannotOpen(file: url.path, reason: (error as NSError).localizedDescription)
        }
        let file = url.path
        let parsed = data.withUnsafeBytes { bytes in
            Result { () throws(ONNXError) in try Self.parse(bytes, file: file) }
        }
        (irVersion, producer, nodes, initializers) = try parsed.get()
    }

    /// The float32 initializer `name` as a tensor.
    public func initializer(_ name: String) throws(ONNXError) -> Tensor {
        guard let entry = initializers[name] else { throw .tensorNotFound(file: path, tensor: name) }
        guard let tensor = entry.tensor else {
            throw .unsupportedDataType(file: path, tensor: name, dataType: entry.dataType)
        }
        return tensor
    }

    private typealias Parsed = (Int, String, [ONNXNode], [String: ONNXInitializer])

    private static func parse(_ bytes: UnsafeRawBufferPointer, file: String) throws(ONNXError) -> Parsed {
        var irVersion = 0, producer = ""
        var graph: UnsafeRawBufferPointer?
        var context = "ModelProto"
        do {
            var reader = ProtobufReader(bytes)
            while let field = try reader.next() {
                switch field.number {
                case 1: irVersion = Int(try field.value.integer())
                case 2: producer = try field.value.string()
                case 7: graph = try field.value.payload()
                default: continue
                }
            }
            guard let graph else { throw ProtobufReader.Malformed(reason: "no graph (field 7)") }
            context = "GraphProto"
            var nodes: [ONNXNode] = []
            var initializers: [String: ONNXInitializer] = [:]
            var graphReader = ProtobufReader(graph)
            while let field = try graphReader.next() {
                switch field.number {
                case 1:
                    context = "node \(nodes.count)"
                    nodes.append(try ONNXNode(protobuf: try field.value.payload()))
                case 5:
                    let initializer = try ONNXInitializer(protobuf: try field.value.payload(), file: file)
                    initializers[initializer.name] = initializer
                default: continue
                }
                context = "GraphProto"
            }
            return (irVersion, producer, nodes, initializers)
        } catch let error as ProtobufReader.Malformed {
            throw .malformed(file: file, context: context, reason: error.reason)
        } catch let error as ONNXError {
            throw error
        } catch {
            throw .malformed(file: file, context: context, reason: "\(error)")
        }
    }
}
