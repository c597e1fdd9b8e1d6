/// One operator of an ONNX graph (`NodeProto`): what it computes and which named values it reads
/// and writes. Attributes are not kept (the DINOv2 mapping needs none).
public struct ONNXNode: Sendable, Equatable {
    /// The node's own name, e.g. `/backbone/encoder/layer.0/attention/attention/query/MatMul`.
    public let name: String
    /// The operator, e.g. `MatMul`, `Softmax`.
    public let opType: String
    /// Names of the values read, in operator order (`""` marks an omitted optional input).
    public let inputs: [String]
    /// Names of the values written.
    public let outputs: [String]
}

extension ONNXNode {
    /// Parses a `NodeProto`: input = 1, output = 2, name = 3, op_type = 4 (others skipped).
    init(protobuf bytes: UnsafeRawBufferPointer) throws(ProtobufReader.Malformed) {
        var reader = ProtobufReader(bytes)
        var name = "", opType = "", inputs: [String] = [], outputs: [String] = []
        while let field = try reader.next() {
            switch field.number {
            case 1: inputs.append(try field.value.string())
            case 2: outputs.append(try field.value.string())
            case 3: name = try field.value.string()
            case 4: opType = try field.value.string()
            default: continue
            }
        }
        self.init(name: name, opType: opType, inputs: inputs, outputs: outputs)
    }
}
