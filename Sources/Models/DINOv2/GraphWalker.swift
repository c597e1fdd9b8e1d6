/// The two walks of `DINOv2ONNXMapping` over one layer of the graph.
struct GraphWalker {
    let index: ONNXGraphIndex
    let layer: Int

    private func fail(_ reason: String) -> DINOv2Error {
        .unexpectedGraph(file: index.model.path, reason: "layer \(layer): \(reason)")
    }

    /// Follows the single data input of each producer back from `value` to a weight MatMul.
    func back(from value: String) throws(DINOv2Error) -> Int {
        var current = value
        for _ in 0..<64 {
            guard let p = index.producer[current] else { throw fail("'\(current)' has no producer") }
            if index.weightMatMul(p) != nil { return p }
            let inputs = index.dataInputs(p)
            guard inputs.count == 1 else {
                throw fail("node '\(index.node(p).name)' (\(index.node(p).opType)) has \(inputs.count) data inputs")
            }
            current = inputs[0]
        }
        throw fail("no weight MatMul within 64 steps before '\(value)'")
    }

    /// Breadth first over consumers (skipping `Shape`) from node `start`'s outputs to the first weight
    /// MatMul whose weight dims satisfy `accept`; with `through`, a node of that op type must have been
    /// visited before it.
    func forward(from start: Int, through required: String? = nil,
                 accept: ([Int]) -> Bool) throws(DINOv2Error) -> Int {
        var queue = [start], visited: Set<Int> = [start], head = 0
        var passedRequired = required == nil
        while head < queue.count {
            let n = queue[head]
            head += 1
            for output in index.node(n).outputs {
                for c in index.consumers[output] ?? [] where !visited.contains(c) {
                    visited.insert(c)
                    let node = index.node(c)
                    if node.opType == "Shape" { continue }
                    if let w = index.weightMatMul(c), accept(index.model.initializers[w]?.dims ?? []) {
                        guard passedRequired else { throw fail("no \(required ?? "") before '\(node.name)'") }
                        return c
                    }
                    passedRequired = passedRequired || node.opType == required
                    queue.append(c)
                }
            }
        }
        throw fail("no matching weight MatMul after '\(index.node(start).name)'")
    }

    /// The mapping entry for weight MatMul `node`, with the named initializer of the Add after it.
    func entry(_ role: DINOv2ONNXMapping.Role, _ node: Int) -> DINOv2ONNXMapping.Entry {
        let n = index.node(node)
        let add = n.outputs.first.flatMap { index.consumers[$0] }?.first { index.node($0).opType == "Add" }
        let bias = add.flatMap { index.node($0).inputs.first(where: index.isInitializer) }
        return .init(layer: layer, role: role, initializer: n.inputs[1], nodeName: n.name, followingBias: bias)
    }
}
