import Contracts
import Foundation

/// A student's Gradescope `results.json` (gradescope/autograder_samples `docs/specs.md`):
/// top-level `score`, `execution_time`, `output`, `visibility`, `tests`; one test per check with
/// `name`, `number`, `score`, `max_score`, `status` (`passed`/`failed`), `output`, `visibility`.
/// A submission that did not compile gets one status-only "Compilation" test with the errors; one
/// the grader failed on (`grader-error`) a "Grading" test with the cause (and `run_autograder`
/// exits non-zero, so Gradescope shows the run as failed).
public enum GradescopeResults {
    struct Document: Encodable {
        let score: Double
        let execution_time: Double
        let output: String
        let visibility: String
        let tests: [Test]
    }

    struct Test: Encodable {
        let name: String
        let number: String
        let score: Double?
        let max_score: Double?
        let status: String
        let output: String
        let visibility: String
    }

    public static func render(_ grade: StudentGrade) throws -> Data {
        var tests: [Test] = []
        if grade.outcome != .graded {
            tests.append(Test(name: grade.isFinal ? "Compilation" : "Grading", number: "0", score: nil, max_score: nil,
                              status: "failed", output: grade.messages.joined(separator: "\n"), visibility: "visible"))
        }
        for (pieceIndex, piece) in grade.pieces.enumerated() {
            for (checkIndex, check) in piece.checks.enumerated() {
                tests.append(Test(name: "\(piece.piece): \(check.name)", number: "\(pieceIndex + 1).\(checkIndex + 1)",
                                  score: check.points, max_score: check.maxPoints,
                                  status: check.status == "pass" ? "passed" : "failed",
                                  output: output(check, piece), visibility: "visible"))
            }
        }
        let summary = grade.isFinal
            ? "\(grade.outcome.rawValue): \(GradesCSV.number(grade.score))/\(GradesCSV.number(grade.maxScore))"
            : "grader-error: not graded — the grader failed, not your code; it will be graded again"
        let document = Document(score: grade.isFinal ? grade.score : 0, execution_time: grade.buildSeconds + grade.runSeconds,
                                output: ([summary] + grade.messages).joined(separator: "\n"), visibility: "visible",
                                tests: tests)
        return try ResultsJSON.encoder.encode(document)
    }

    private static func output(_ check: CheckGrade, _ piece: PieceGrade) -> String {
        var lines = [check.status == "pass" ? "passed" : "\(check.status): \(check.message)"]
        if !piece.standIns.isEmpty { lines.append("graded with the reference \(piece.standIns.joined(separator: ", ")) standing in") }
        if check.status == "crash" || check.status == "timeout", !piece.output.isEmpty {
            lines.append("your program's output:\n" + piece.output)
        }
        return lines.joined(separator: "\n")
    }
}
