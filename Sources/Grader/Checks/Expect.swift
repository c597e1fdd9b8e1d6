import TensorKit

/// Assertions used by `Check.judge`: each throws a `CheckFailure` whose message shows the evidence
/// (the shapes, the largest error and where, or expected and actual side by side).
enum Expect {
    /// Tolerance for comparisons with the reference and with PyTorch: `|a − e| ≤ 1e-5 + 1e-5·|e|`.
    static let tolerance: Float = 1e-5

    static func shape(_ actual: Tensor, _ expected: [Int], _ what: String) throws {
        guard actual.shape == expected else {
            throw CheckFailure("\(what): expected shape \(expected), got \(actual.shape)")
        }
    }

    /// A shape recorded on its own (`Evidence.record(shapeOf:)`), for checks that need no values.
    static func recordedShape(_ recorded: Tensor, _ expected: [Int], _ what: String) throws {
        let shape = recorded.scalars.map { Int($0) }
        guard shape == expected else { throw CheckFailure("\(what): expected shape \(expected), got \(shape)") }
    }

    /// Same shape and every element within `tolerance`; small matrices are shown side by side.
    static func close(_ actual: Tensor, _ expected: Tensor, _ what: String) throws {
        try shape(actual, expected.shape, what)
        guard let difference = actual.difference(from: expected, rtol: tolerance, atol: tolerance),
              difference.mismatches > 0 else { return }
        var message = "\(what) differs from the expected values: \(difference)"
        if let grids = SideBySide.matrices(expected: expected, actual: actual, at: difference.index) {
            message += "\n" + grids
        }
        throw CheckFailure(message)
    }

    static func sameMask(_ actual: Mask, _ expected: Mask, _ what: String) throws {
        guard actual.shape == expected.shape else {
            throw CheckFailure("\(what): expected shape \(expected.shape), got \(actual.shape)"
                + (expected.count <= 400 ? "\n" + SideBySide.masks(expected: expected, actual: actual) : ""))
        }
        guard actual != expected else { return }
        let wrong = zip(actual.values, expected.values).filter { $0 != $1 }.count
        var message = "\(what): \(wrong) of \(expected.count) positions differ (1 = masked)"
        if expected.count <= 400 { message += "\n" + SideBySide.masks(expected: expected, actual: actual) }
        throw CheckFailure(message)
    }

    static func finite(_ t: Tensor, _ what: String) throws {
        let values = t.scalars
        guard let i = values.firstIndex(where: { !$0.isFinite }) else { return }
        let count = values.filter { !$0.isFinite }.count
        throw CheckFailure("\(what) holds \(count) NaN/Inf value(s); the first is \(values[i]) at "
            + "\(Self.index(i, in: t.shape)) — a fully masked row, or a division by zero?")
    }

    /// Every row of `weights` (`[…, Tq, Tk]`) sums to 1 (within 1e-5).
    static func rowsSumToOne(_ weights: Tensor) throws {
        guard weights.rank >= 2 else {
            throw CheckFailure("attention weights have shape \(weights.shape); expected [..., Tq, Tk]")
        }
        let sums = weights.sum(axis: -1).scalars
        guard let i = sums.firstIndex(where: { !(Swift.abs($0 - 1) <= 1e-5) }) else { return }
        throw CheckFailure("attention weights row \(Self.index(i, in: Array(weights.shape.dropLast()))) sums to "
            + "\(sums[i]), not 1 — softmax over the last axis (the keys)?")
    }

    /// `weights` (`[…, T, T]`) is exactly 0 wherever `mask` (`[T, T]`) is true.
    static func zeroWhereMasked(_ weights: Tensor, _ mask: Mask) throws {
        let (rows, cols) = (mask.shape[0], mask.shape[1])
        try shape(weights, Array(weights.shape.dropLast(2)) + [rows, cols], "attention weights")
        let values = weights.scalars
        for (i, w) in values.enumerated() where mask.values[i % (rows * cols)] && w != 0 {
            throw CheckFailure("attention weight at \(Self.index(i, in: weights.shape)) is \(w), but that "
                + "position is masked and must be exactly 0 — fill masked scores with -infinity before softmax")
        }
    }

    /// Row-major position `i` as an index into `shape`.
    static func index(_ i: Int, in shape: [Int]) -> [Int] {
        var rest = i
        return shape.reversed().map { d in defer { rest /= Swift.max(d, 1) }; return rest % Swift.max(d, 1) }.reversed()
    }
}
