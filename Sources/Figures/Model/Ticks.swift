import Foundation

/// Tick positions chosen like matplotlib's default locator: the smallest "nice" step
/// (1, 2, 2.5 or 5 times a power of ten) that needs no more than `maxCount` ticks.
public enum Ticks {
    /// Token indices to label on an axis of `count` tokens, e.g. `0…7` for 8 and `0, 2, …, 14` for 16.
    public static func indices(count: Int, maxCount: Int = 9) -> [Int] {
        guard count > 0 else { return [] }
        let step = Int(niceStep(span: Double(count - 1), maxCount: maxCount, integral: true))
        return Array(stride(from: 0, through: count - 1, by: step))
    }

    /// Values to mark on a colour bar from `low` to `high`, e.g. `0, 0.1, …, 0.5`.
    public static func values(from low: Float, to high: Float, maxCount: Int = 7) -> [Double] {
        let (lo, hi) = (Double(low), Double(high))
        guard hi > lo else { return [lo] }
        let step = niceStep(span: hi - lo, maxCount: maxCount)
        let first = (lo / step - 1e-9).rounded(.up)
        let last = (hi / step + 1e-9).rounded(.down)
        return stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// The labels for `values`, all with the fewest decimals that show every step exactly
    /// (`0.0, 0.1, …` or `0.00, 0.05, …`), as matplotlib's scalar formatter does.
    public static func labels(_ values: [Double]) -> [String] {
        let step = values.count > 1 ? values[1] - values[0] : 1
        var decimals = 0
        func isWhole(_ x: Double) -> Bool { abs(x - x.rounded()) <= 1e-6 }
        while decimals < 6, !isWhole(step * pow(10, Double(decimals))) { decimals += 1 }
        if values.contains(where: { $0 != $0.rounded() }) { decimals = max(decimals, 1) }
        return values.map { String(format: "%.\(decimals)f", $0 == 0 ? 0 : $0) }
    }

    /// The smallest step `m · 10^k`, `m ∈ {1, 2, 2.5, 5}`, that covers `span` in at most `maxCount`
    /// ticks; with `integral`, only whole-number steps.
    static func niceStep(span: Double, maxCount: Int, integral: Bool = false) -> Double {
        guard span > 0 else { return 1 }
        var magnitude = pow(10, (log10(span / Double(max(maxCount - 1, 1)))).rounded(.down) - 1)
        while true {
            for multiple in [1, 2, 2.5, 5] {
                let step = multiple * magnitude
                if integral && (step < 1 || step != step.rounded()) { continue }
                if (span / step + 1e-9).rounded(.down) + 1 <= Double(maxCount) { return step }
            }
            magnitude *= 10
        }
    }
}
