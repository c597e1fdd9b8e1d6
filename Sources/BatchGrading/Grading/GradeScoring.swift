import Contracts
import Foundation
import Grader

/// Turns the grader's reports into points with a rubric.
public enum GradeScoring {
    /// Pieces scored from the grader's reports (a piece without a report scores 0).
    public static func pieces(_ reports: [ExerciseReport], rubric: Rubric) -> [PieceGrade] {
        Catalog.exercises.map { exercise in
            let points = rubric.checkPoints(exercise.id)
            guard let report = reports.first(where: { $0.id == exercise.id }) else {
                return unrun(exercise.id, status: "missing", rubric: rubric)
            }
            let checks = report.checks.enumerated().map { index, check in
                let maxPoints = index < points.count ? points[index] : 0
                return CheckGrade(name: check.name, status: check.status.rawValue,
                                  points: check.status == .pass ? maxPoints : 0, maxPoints: maxPoints, message: check.message)
            }
            return PieceGrade(piece: exercise.id, status: report.status.rawValue, points: checks.reduce(0) { $0 + $1.points },
                              maxPoints: rubric.piecePoints(exercise.id), standIns: report.standIns,
                              output: report.output, checks: checks)
        }
    }

    /// Every piece at 0 points with `status` (compile-error, grader-error, empty, rejected).
    public static func unrun(_ status: StudentGrade.Outcome, rubric: Rubric) -> [PieceGrade] {
        Catalog.exercises.map { unrun($0.id, status: status.rawValue, rubric: rubric) }
    }

    private static func unrun(_ piece: String, status: String, rubric: Rubric) -> PieceGrade {
        let points = rubric.checkPoints(piece)
        let checks = zip(PieceChecks.checks(forID: piece), points).map {
            CheckGrade(name: $0.name, status: status, points: 0, maxPoints: $1, message: "")
        }
        return PieceGrade(piece: piece, status: status, points: 0, maxPoints: points.reduce(0, +), standIns: [],
                          output: "", checks: checks)
    }
}
