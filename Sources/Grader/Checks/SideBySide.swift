import Foundation
import TensorKit

/// Expected and actual values next to each other, for masks and small attention matrices.
enum SideBySide {
    /// Two 0/1 grids (1 = masked), rows that differ marked with `<`.
    static func masks(expected: Mask, actual: Mask) -> String {
        let left = grid(expected), right = grid(actual)
        return columns(left, right, titles: ("expected", "yours"))
    }

    /// The matrix (last two axes) holding `index`, when it is at most 12 × 12.
    static func matrices(expected: Tensor, actual: Tensor, at index: [Int]) -> String? {
        guard expected.rank >= 2, expected.dim(-2) <= 12, expected.dim(-1) <= 12 else { return nil }
        var e = expected, a = actual
        for i in index.dropLast(2) { e = e.select(0, i); a = a.select(0, i) }
        let label = index.count > 2 ? " [\(index.dropLast(2).map(String.init).joined(separator: ", ")), :, :]" : ""
        return columns(grid(e), grid(a), titles: ("expected" + label, "yours" + label))
    }

    private static func grid(_ m: Mask) -> [String] {
        guard m.rank == 2 else { return [m.intDescription] }
        return (0..<m.shape[0]).map { i in (0..<m.shape[1]).map { m[i, $0] ? "1" : "0" }.joined(separator: " ") }
    }

    private static func grid(_ t: Tensor) -> [String] {
        (0..<t.dim(0)).map { i in
            (0..<t.dim(1)).map { String(format: "%7.4f", Double(t[i, $0])) }.joined(separator: " ")
        }
    }

    private static func columns(_ left: [String], _ right: [String], titles: (String, String)) -> String {
        let width = Swift.max(left.map(\.count).max() ?? 0, titles.0.count)
        func pad(_ s: String) -> String { s + String(repeating: " ", count: width - s.count) }
        var lines = ["  " + pad(titles.0) + "   " + titles.1]
        for r in 0..<Swift.max(left.count, right.count) {
            let l = r < left.count ? left[r] : "", rr = r < right.count ? right[r] : ""
            lines.append("  " + pad(l) + "   " + rr + (l != rr ? "   <" : ""))
        }
        return lines.joined(separator: "\n")
    }
}
