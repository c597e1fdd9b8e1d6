import Contracts
import Solutions
import TensorKit

/// One of Part 4's three analyses as the checks see it: how to run it, what it returns, and its
/// usual mistakes.
struct AnalysisKind: Sendable {
    /// How messages name the result, e.g. `rollout`.
    let what: String
    let run: @Sendable (AnalysisCase, Implementations) -> Tensor
    /// The fixture's expected values for a case.
    let expected: @Sendable (AnalysisCase) -> Tensor?
    let shape: @Sendable (AnalysisCase) -> [Int]
    let mistakes: [AnalysisMistake]
    /// What a wrong shape may mean, given the expected and actual shapes.
    let shapeHint: @Sendable (AnalysisCase, [Int]) -> String?
}

extension Check {
    /// The learner's analysis of one case, against the fixture's float64 values (or, for seeded
    /// cases, the reference's), within the analysis tolerance; a failure names a known mistake when
    /// the learner's values are that mistake's.
    static func analysis(_ name: String, _ kind: AnalysisKind,
                         _ load: @escaping @Sendable (CheckContext) throws -> AnalysisCase) -> Check {
        analysis(name, kind, cases: { [try load($0)] })
    }

    /// The learner's analysis of one case has the shape `kind` expects (values are other checks' business).
    static func analysisShape(_ name: String, _ kind: AnalysisKind,
                              _ load: @escaping @Sendable (CheckContext) throws -> AnalysisCase) -> Check {
        Check(name, produce: { impl, context in
            var e = Evidence()
            e.record("0", kind.run(try load(context), impl))
            return e
        }, judge: { e, context in
            let (c, actual) = (try load(context), try e.tensor("0"))
            guard actual.shape == kind.shape(c) else {
                throw CheckFailure("\(kind.what): expected shape \(kind.shape(c)), got \(actual.shape)"
                    + (kind.shapeHint(c, actual.shape).map { " — \($0)" } ?? ""))
            }
        })
    }

    /// The same for several cases: each must match.
    static func analysis(_ name: String, _ kind: AnalysisKind,
                         cases: @escaping @Sendable (CheckContext) throws -> [AnalysisCase]) -> Check {
        Check(name, produce: { impl, context in
            var e = Evidence()
            for (i, c) in try cases(context).enumerated() { e.record("\(i)", kind.run(c, impl)) }
            return e
        }, judge: { e, context in
            for (i, c) in try cases(context).enumerated() {
                try Expect.analysis(try e.tensor("\(i)"), c, kind)
            }
        })
    }
}

extension Expect {
    /// `actual` has the shape and values `kind` expects for `c` (the fixture's, else the reference's)
    /// within `|got − want| ≤ 1e-3 · (|want| + 1e-3)`.
    static func analysis(_ actual: Tensor, _ c: AnalysisCase, _ kind: AnalysisKind) throws {
        let label = "\(kind.what) (\(c.label))"
        let expected = kind.expected(c) ?? kind.run(c, Reference.implementations)
        guard actual.shape == kind.shape(c) else {
            throw CheckFailure("\(label): expected shape \(kind.shape(c)), got \(actual.shape)"
                + (kind.shapeHint(c, actual.shape).map { " — \($0)" } ?? ""))
        }
        guard let difference = actual.difference(from: expected, rtol: AnalysisTolerance.rtol, atol: AnalysisTolerance.atol),
              difference.mismatches > 0 else { return }
        var message = "\(label) differs from the expected values by more than 1e-3 · (|expected| + 1e-3): \(difference)"
        if let mistake = AnalysisMistake.diagnose(actual, c, among: kind.mistakes) {
            message += ". These are the values of \(mistake)"
        } else if actual.hasNonFinite {
            message += ". It holds NaN or ∞: a 0 · ln 0 not counted as 0, or a division by a zero sum?"
        }
        if let grids = SideBySide.matrices(expected: expected, actual: actual, at: difference.index) {
            message += "\n" + grids
        }
        throw CheckFailure(message)
    }
}
