import Foundation
import TensorKit

/// The usual wrong versions of Part 4's analyses, computed by the grader (in Double) on a check's
/// own case: when a learner's values match one, the failure message names that mistake.
struct AnalysisMistake: Sendable {
    /// Completes "These are the values of …".
    let description: String
    let compute: @Sendable (AnalysisCase) -> Tensor

    /// The first of `mistakes` whose values on `c` match `actual` within the analysis tolerance.
    static func diagnose(_ actual: Tensor, _ c: AnalysisCase, among mistakes: [AnalysisMistake]) -> String? {
        mistakes.first { mistake in
            actual.isClose(to: mistake.compute(c), rtol: AnalysisTolerance.rtol, atol: AnalysisTolerance.atol)
        }?.description
    }
}

extension AnalysisMistake {
    static let rollout: [AnalysisMistake] = [
        AnalysisMistake(description: "a rollout without the identity (Â = mean over heads alone): add ½ I for the "
                        + "residual connection, Â = ½ · mean + ½ · I") { rollout($0, residual: 0, scale: 1, leftmost: true) },
        AnalysisMistake(description: "a rollout multiplied in the wrong order (Â_1 · … · Â_L): each new layer goes "
                        + "on the left, R = Â_L · … · Â_1") { rollout($0, residual: 0.5, scale: 0.5, leftmost: false) },
        AnalysisMistake(description: "a rollout with Â = mean + I (no ½s): rows must still sum to 1, "
                        + "Â = ½ · mean + ½ · I") { rollout($0, residual: 1, scale: 1, leftmost: true) },
        AnalysisMistake(description: "the rollout rescaled to a maximum of 1: return R[0, 1...] as it is") { c in
            let r = rollout(c, residual: 0.5, scale: 0.5, leftmost: true)
            return r / Swift.max(r.max(), 1e-30)
        },
        AnalysisMistake(description: "the rollout rescaled to sum to 1: return R[0, 1...] as it is") { c in
            let r = rollout(c, residual: 0.5, scale: 0.5, leftmost: true)
            return r / Swift.max(r.sum(), 1e-30)
        },
        AnalysisMistake(description: "column 0 of R (how much each patch draws from the class token): the class "
                        + "token's row, R[0, 1...], is asked for") { rollout($0, residual: 0.5, scale: 0.5, leftmost: true, column: true) },
    ]

    static let meanDistance: [AnalysisMistake] = [
        AnalysisMistake(description: "distances in patches, not pixels: multiply grid distances by the patch size") {
            distance($0, pixels: false)
        },
        AnalysisMistake(description: "distances with the class token left in (patch weights not renormalised): "
                        + "divide each query's patch weights by their sum") { distance($0, renormalise: false, skipEmpty: false) },
        AnalysisMistake(description: "Manhattan distances (|Δrow| + |Δcol|): use the Euclidean distance "
                        + "√(Δrow² + Δcol²)") { distance($0, euclidean: false) },
        AnalysisMistake(description: "an average that counts queries looking only at the class token as 0: leave "
                        + "them out of the average") { distance($0, skipEmpty: false) },
    ]

    static let entropy: [AnalysisMistake] = [
        AnalysisMistake(description: "an entropy in bits (log₂): use the natural log, nats") { entropy($0, log: log2) },
        AnalysisMistake(description: "an entropy of unnormalised weights (the patch keys' weights, without the class "
                        + "token, sum to less than 1): use all T keys") { entropy($0, patchKeys: true) },
        AnalysisMistake(description: "an entropy over the patch keys only, renormalised: use all T keys, the class "
                        + "token included") { entropy($0, patchKeys: true, renormalise: true) },
        AnalysisMistake(description: "an entropy summed over the queries: average it over the T queries") {
            entropy($0, summed: true)
        },
        AnalysisMistake(description: "an entropy averaged over the patch queries only: include the class token's "
                        + "row") { entropy($0, patchQueries: true) },
        AnalysisMistake(description: "an entropy in log₁₀: use the natural log, nats") { entropy($0, log: log10) },
    ]
}

extension AnalysisMistake {
    /// `R[0, 1...]` (or `R[1..., 0]`) with `Â = scale · mean + residual · I`, new layers on the left or right.
    static func rollout(_ c: AnalysisCase, residual: Double, scale: Double, leftmost: Bool, column: Bool = false) -> Tensor {
        let T = c.tokens
        var r = (0..<(T * T)).map { $0 / T == $0 % T ? 1.0 : 0.0 }
        for attention in c.attentions {
            let mean = attention.mean(axis: 0).scalars                              // [T, T]
            let a = (0..<(T * T)).map { scale * Double(mean[$0]) + ($0 / T == $0 % T ? residual : 0) }
            r = leftmost ? product(a, r, T) : product(r, a, T)
        }
        let values = (1..<T).map { column ? r[$0 * T] : r[$0] }
        return Tensor(shape: [c.gridHeight, c.gridWidth], scalars: values.map(Float.init))
    }

    private static func product(_ a: [Double], _ b: [Double], _ n: Int) -> [Double] {
        var out = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for k in 0..<n where a[i * n + k] != 0 { for j in 0..<n { out[i * n + j] += a[i * n + k] * b[k * n + j] } } }
        return out
    }

    /// The `[L, H]` mean distance with one rule changed.
    static func distance(_ c: AnalysisCase, pixels: Bool = true, renormalise: Bool = true, euclidean: Bool = true,
                         skipEmpty: Bool = true) -> Tensor {
        let (T, W) = (c.tokens, c.gridWidth)
        let step = pixels ? Double(c.patchSize) : 1
        return table(c) { a in
            var total = 0.0, queries = 0
            for q in 1..<T {
                var weight = 0.0, reach = 0.0
                for k in 1..<T {
                    let (dy, dx) = (Double((q - 1) / W - (k - 1) / W), Double((q - 1) % W - (k - 1) % W))
                    let d = step * (euclidean ? (dy * dy + dx * dx).squareRoot() : Swift.abs(dy) + Swift.abs(dx))
                    weight += Double(a[q * T + k])
                    reach += Double(a[q * T + k]) * d
                }
                if weight < 1e-12 && skipEmpty { continue }
                total += renormalise && weight >= 1e-12 ? reach / weight : reach
                queries += 1
            }
            return total / Double(queries)
        }
    }

    /// The `[L, H]` entropy with one rule changed.
    static func entropy(_ c: AnalysisCase, log: @escaping (Double) -> Double = Foundation.log, patchKeys: Bool = false,
                        renormalise: Bool = false, summed: Bool = false, patchQueries: Bool = false) -> Tensor {
        let T = c.tokens
        return table(c) { a in
            let queries = patchQueries ? 1..<T : 0..<T
            var total = 0.0
            for q in queries {
                let keys = patchKeys ? 1..<T : 0..<T
                let mass = renormalise ? keys.reduce(0.0) { $0 + Double(a[q * T + $1]) } : 1
                for k in keys where a[q * T + k] > 0 && mass > 0 {
                    let w = Double(a[q * T + k]) / mass
                    total -= w * log(w)
                }
            }
            return summed ? total : total / Double(queries.count)
        }
    }

    /// `[L, H]` of `perHead` applied to each head's contiguous `[T, T]` weights.
    private static func table(_ c: AnalysisCase, _ perHead: (UnsafeBufferPointer<Float>) -> Double) -> Tensor {
        let values = c.attentions.flatMap { attention in
            (0..<attention.dim(0)).map { h in Float(attention[index: h].withUnsafeContiguousBuffer(perHead)) }
        }
        return Tensor(shape: [c.attentions.count, c.heads], scalars: values)
    }
}

/// Issue #16's tolerance wherever the analyses are compared: `|got − want| ≤ 1e-3 · (|want| + 1e-3)`.
enum AnalysisTolerance {
    static let rtol: Float = 1e-3
    static let atol: Float = 1e-6
}
