import TensorKit

extension Tensor {
    /// The rows of a 2-D tensor as arrays, `[[Float]]`, for a panel's data.
    var rows: [[Float]] {
        precondition(rank == 2, "rows: expected a 2-D tensor, got shape \(shape)")
        let values = scalars
        let width = dim(1)
        return (0..<dim(0)).map { Array(values[($0 * width)..<(($0 + 1) * width)]) }
    }
}
