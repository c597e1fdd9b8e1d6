import Contracts
import Grader

/// The table printed after a batch: verdicts per piece, then who did not compile, timed out,
/// crashed, was empty or could not be read.
public enum BatchSummaryTable {
    public static func render(_ grades: [StudentGrade], totals: BatchRun.Totals) -> String {
        let columns = CheckStatus.allCases.map(\.rawValue) + ["not run"]
        let width = (Catalog.exercises.map(\.id.count).max() ?? 0) + 2
        var lines = ["", pad("piece", width) + columns.map { pad($0, 9) }.joined()]
        for exercise in Catalog.exercises {
            var counts = [String: Int]()
            for grade in grades {
                let status = grade.piece(exercise.id)?.status ?? "not run"
                counts[CheckStatus(rawValue: status) == nil ? "not run" : status, default: 0] += 1
            }
            lines.append(pad(exercise.id, width) + columns.map { pad("\(counts[$0] ?? 0)", 9) }.joined())
        }
        lines.append("")
        let groups: [(String, [String])] = [
            ("did not compile", grades.filter { $0.outcome == .compileError }.map(\.student)),
            ("timed out", grades.filter { $0.pieces.contains { $0.status == "timeout" } }.map(\.student)),
            ("crashed", grades.filter { $0.pieces.contains { $0.status == "crash" } }.map(\.student)),
            ("empty", grades.filter { $0.outcome == .empty }.map(\.student)),
            ("could not be read", grades.filter { $0.outcome == .rejected }.map(\.student)),
        ]
        for (label, students) in groups where !students.isEmpty {
            lines.append("\(label) (\(students.count)): \(students.joined(separator: ", "))")
        }
        let mean = grades.isEmpty ? 0 : grades.reduce(0) { $0 + $1.score } / Double(grades.count)
        lines.append("\(grades.count) students · graded now \(totals.graded) · unchanged \(totals.skipped) · "
            + "mean score \(GradesCSV.number(mean))/\(GradesCSV.number(grades.first?.maxScore ?? 0))")
        lines += totals.errors
        return lines.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
