@testable import BatchGrading
import Foundation
import Contracts
import Grader
import Testing

/// Points per piece and per check.
@Suite("Rubric")
struct RubricTests {
    @Test("default: 10 points per piece, shared equally by its checks")
    func defaults() {
        let rubric = Rubric()
        let checks = PieceChecks.checks(for: .causalMask).count
        #expect(rubric.piecePoints("causal-mask") == 10)
        #expect(rubric.checkPoints("causal-mask") == Array(repeating: 10 / Double(checks), count: checks))
    }

    @Test("listed checks get their points, the others share the rest")
    func listed() throws {
        let names = PieceChecks.checks(for: .causalMask).map(\.name)
        let rubric = Rubric(pieces: ["causal-mask": .init(points: 20, checks: [names[0]: 8])])
        try rubric.validate()
        let points = rubric.checkPoints("causal-mask")
        #expect(points[0] == 8)
        #expect(points.dropFirst().allSatisfy { $0 == 12 / Double(names.count - 1) })
        #expect(rubric.piecePoints("causal-mask") == 20)
        #expect(rubric.piecePoints("vlm-mask") == 10)
    }

    @Test("unknown checks and over-full pieces are refused")
    func invalid() {
        #expect(throws: Rubric.Failure.self) {
            try Rubric(pieces: ["causal-mask": .init(points: 5, checks: ["no such check": 1])]).validate()
        }
        let first = PieceChecks.checks(for: .causalMask)[0].name
        #expect(throws: Rubric.Failure.self) {
            try Rubric(pieces: ["causal-mask": .init(points: 5, checks: [first: 6])]).validate()
        }
    }

    @Test("scoring a report uses the rubric's points for passed checks only")
    func scoring() {
        let names = PieceChecks.checks(for: .vlmMask).map(\.name)
        let report = ExerciseReport(id: "vlm-mask", status: .fail, standIns: [],
                                    checks: names.enumerated().map { CheckResult(name: $1, status: $0 == 0 ? .fail : .pass) },
                                    output: "")
        let pieces = GradeScoring.pieces([report], rubric: Rubric())
        let piece = pieces.first { $0.piece == "vlm-mask" }
        #expect(piece?.status == "fail")
        #expect(abs((piece?.points ?? 0) - 10 * Double(names.count - 1) / Double(names.count)) < 1e-9)
        #expect(pieces.first { $0.piece == "causal-mask" }?.status == "missing")
        #expect(pieces.count == FullMarks.pieceCount)
    }
}
