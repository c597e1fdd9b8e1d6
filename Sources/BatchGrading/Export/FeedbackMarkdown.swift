import Foundation
import Grader

/// `feedback/<student>.md`: the score, the points per piece, and the report `vlm-course check`
/// would have shown the learner (rendered by the grader's own `ReportRenderer`).
public enum FeedbackMarkdown {
    public static func render(_ grade: StudentGrade) -> String {
        let headline = grade.isFinal
            ? "**Score: \(GradesCSV.number(grade.score)) / \(GradesCSV.number(grade.maxScore))** (\(grade.outcome.rawValue))"
            : "**Not graded yet** (grader-error): the grader failed, not your code. It will be graded again."
        var lines = ["# Feedback for \(grade.student)", "", headline, ""]
        if !grade.messages.isEmpty {
            lines += ["## Notes", ""] + grade.messages.map { "- \(inline($0))" } + [""]
        }
        lines += ["| piece | result | points |", "| --- | --- | --- |"]
        for piece in grade.pieces {
            let standIns = piece.standIns.isEmpty ? "" : " (reference \(piece.standIns.joined(separator: ", ")) stood in)"
            lines.append("| \(piece.piece) | \(piece.status)\(standIns) | "
                + "\(GradesCSV.number(piece.points)) / \(GradesCSV.number(piece.maxPoints)) |")
        }
        lines += ["", "## What `vlm-course check` reports", "", "```text", report(grade), "```", ""]
        return lines.joined(separator: "\n")
    }

    /// The learner-side report of this grade.
    static func report(_ grade: StudentGrade) -> String {
        guard grade.outcome == .graded || grade.outcome == .graderError else {
            return ReportRenderer.render(GradeReport(exercises: [], build: BuildOutcome(status: .failed, errors: grade.messages)))
        }
        let exercises = grade.pieces.map { piece in
            ExerciseReport(id: piece.piece, status: CheckStatus(rawValue: piece.status) ?? .crash, standIns: piece.standIns,
                           checks: piece.checks.map {
                               CheckResult(name: $0.name, status: CheckStatus(rawValue: $0.status) ?? .crash, message: $0.message)
                           },
                           output: piece.output)
        }
        return ReportRenderer.render(GradeReport(exercises: exercises)).replacingOccurrences(of: "```", with: "ʼʼʼ")
    }

    private static func inline(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: " ") }
}
