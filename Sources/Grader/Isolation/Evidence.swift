import TensorKit

/// What one check observed of the learner's code: named tensors and masks it returned.
///
/// Evidence is produced in the child process (where learner code runs) and judged in the parent
/// against the reference, so a piece's grade depends only on the values its code returns.
public struct Evidence: Sendable {
    public enum Value: Sendable {
        case tensor(Tensor)
        case mask(Mask)
        /// The learner's module could not be used as the check needed (e.g. `proj.layers[0]` is
        /// not a `Linear`); the message says why.
        case problem(String)
    }

    public private(set) var items: [(name: String, value: Value)] = []

    public init() {}

    public mutating func record(_ name: String, _ tensor: Tensor) { items.append((name, .tensor(tensor))) }
    public mutating func record(_ name: String, _ mask: Mask) { items.append((name, .mask(mask))) }
    /// Only the shape of `tensor` (as a rank-1 tensor of its sizes): what a shape check needs,
    /// without sending the values through the result file.
    public mutating func record(_ name: String, shapeOf tensor: Tensor) {
        items.append((name, .tensor(Tensor(tensor.shape.map(Float.init)))))
    }

    public mutating func record(problem: String) { items.append(("problem", .problem(problem))) }

    init(items: [(name: String, value: Value)]) { self.items = items }

    /// The first recorded problem, if the check could not run as intended.
    public var problem: String? {
        for item in items { if case .problem(let message) = item.value { return message } }
        return nil
    }

    public func tensor(_ name: String) throws -> Tensor {
        for item in items where item.name == name { if case .tensor(let t) = item.value { return t } }
        throw CheckFailure("no tensor \"\(name)\" was recorded")
    }

    public func mask(_ name: String) throws -> Mask {
        for item in items where item.name == name { if case .mask(let m) = item.value { return m } }
        throw CheckFailure("no mask \"\(name)\" was recorded")
    }

}
