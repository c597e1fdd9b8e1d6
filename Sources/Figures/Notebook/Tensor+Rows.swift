import TensorKit

extension Tensor {
    /// This tensor, after checking that its shape is `expected`.
    /// - Throws: `FigureError.unexpectedShape` naming `what` otherwise.
    func checked(_ what: String, is expected: [Int]) throws(FigureError) -> Tensor {
        guard shape == expected else { throw .unexpectedShape(what: what, expected: expected, got: shape) }
        return self
    }

    /// The rows of a 2-D tensor as arrays, `[[Float]]`, for a panel's data.
    var rows: [[Float]] {
        precondition(rank == 2, "rows: expected a 2-D tensor, got shape \(shape)")
        let values = scalars
        let width = dim(1)
        return (0..<dim(0)).map { Array(values[($0 * width)..<(($0 + 1) * width)]) }
    }
}
