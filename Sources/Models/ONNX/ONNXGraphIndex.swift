/// Who writes and who reads each value of an ONNX graph, for walking it by data flow.
public struct ONNXGraphIndex: Sendable {
    public let model: ONNXModel
    /// Value name → index of the node that produces it.
    public let producer: [String: Int]
    /// Value name → indices of the nodes that read it, in node order.
    public let consumers: [String: [Int]]

    public init(_ model: ONNXModel) {
        self.model = model
        var producer: [String: Int] = [:], consumers: [String: [Int]] = [:]
        for (i, node) in model.nodes.enumerated() {
            for output in node.outputs { producer[output] = i }
            for input in node.inputs where !input.isEmpty { consumers[input, default: []].append(i) }
        }
        self.producer = producer
        self.consumers = consumers
    }

    public func node(_ i: Int) -> ONNXNode { model.nodes[i] }

    public func isInitializer(_ value: String) -> Bool { model.initializers[value] != nil }

    /// A `MatMul` whose second operand is a weight (an initializer): `x · W`, `W` of shape `[in, out]`.
    public func weightMatMul(_ i: Int) -> String? {
        let n = node(i)
        guard n.opType == "MatMul", n.inputs.count == 2, isInitializer(n.inputs[1]) else { return nil }
        return n.inputs[1]
    }

    /// The inputs of node `i` that carry data: not weights, not outputs of `Constant` nodes, and not
    /// shapes assembled by `Concat` of constants and `Shape` results.
    public func dataInputs(_ i: Int) -> [String] {
        node(i).inputs.filter { value in
            guard !value.isEmpty, !isInitializer(value) else { return false }
            guard let p = producer[value] else { return true }
            return !["Constant", "Concat", "Shape"].contains(node(p).opType)
        }
    }
}
