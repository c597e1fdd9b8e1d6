/// Tolerant comparison of tensors, used by tests and by the grader at run time.
public struct TensorDifference: Sendable, Equatable, CustomStringConvertible {
    /// Largest `|actual − expected|` (∞ when exactly one side is NaN/∞ at some position).
    public let maxAbsError: Float
    /// Where the largest error is.
    public let index: [Int]
    public let expected: Float
    public let actual: Float
    /// Number of elements outside the tolerance the comparison used.
    public let mismatches: Int
    public let count: Int

    public var description: String {
        "max |error| \(maxAbsError) at \(index) (expected \(expected), got \(actual)); "
            + "\(mismatches) of \(count) elements outside tolerance"
    }
}

extension Tensor {
    /// Compares with `expected` elementwise: an element matches when
    /// `|a − e| ≤ atol + rtol·|e|` (as `torch.allclose`), or both are the same non-finite value.
    /// Returns `nil` when shapes differ.
    public func difference(from expected: Tensor, rtol: Float = 1e-5, atol: Float = 1e-8) -> TensorDifference? {
        guard shape == expected.shape else { return nil }
        let a = scalars, e = expected.scalars
        var worst = 0, worstError: Float = -1, mismatches = 0
        for i in a.indices {
            let error: Float
            if a[i] == e[i] || (a[i].isNaN && e[i].isNaN) {
                error = 0
            } else if !a[i].isFinite || !e[i].isFinite {
                error = .infinity
            } else {
                error = Swift.abs(a[i] - e[i])
            }
            if error > atol + rtol * Swift.abs(e[i]) { mismatches += 1 }
            if error > worstError { worstError = error; worst = i }
        }
        var index = [Int](repeating: 0, count: rank), rest = worst
        for axis in (0..<rank).reversed() where shape[axis] > 0 {
            index[axis] = rest % shape[axis]
            rest /= shape[axis]
        }
        return TensorDifference(maxAbsError: Swift.max(worstError, 0), index: index,
                                expected: e.isEmpty ? 0 : e[worst], actual: a.isEmpty ? 0 : a[worst],
                                mismatches: mismatches, count: a.count)
    }

    /// Same shape and every element within `atol + rtol·|expected|`, like `torch.allclose`.
    public func isClose(to expected: Tensor, rtol: Float = 1e-5, atol: Float = 1e-8) -> Bool {
        difference(from: expected, rtol: rtol, atol: atol)?.mismatches == 0
    }
}
