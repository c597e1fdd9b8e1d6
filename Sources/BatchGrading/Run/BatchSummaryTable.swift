import Contracts
import Grader

/// The table printed after a batch: verdicts per piece, then who did not compile, timed out,
/// crashed, was empty or could not be read, and who was not graded because the grader failed.
public enum BatchSummaryTable {
    public static func render(_ grades: [StudentGrade], totals: BatchRun.Totals) -> String {
        let columns = CheckStatus.allCases.map(\.rawValue) + ["not run"]
        let width = (Catalog.exercises.map(\.id.count).max() ?? 0) + 2
        let cell = { (text: String, column: String) in pad(text, max(9, column.count + 2)) }
        var lines = ["", pad("piece", width) + columns.map { cell($0, $0) }.joined()]
        for exercise in Catalog.exercises {
            var counts = [String: Int]()
            for grade in grades {
                let status = grade.piece(exercise.id)?.status ?? "not run"
                counts[CheckStatus(rawValue: status) == nil ? "not run" : status, default: 0] += 1
            }
            lines.append(pad(exercise.id, width) + columns.map { cell("\(counts[$0] ?? 0)", $0) }.joined())
        }
        lines.append("")
        let groups: [(String, [String])] = [
            ("did not compile", grades.filter { $0.outcome == .compileError }.map(\.student)),
            ("timed out", grades.filter { $0.pieces.contains { $0.status == "timeout" } }.map(\.student)),
            ("crashed", grades.filter { $0.pieces.contains { $0.status == "crash" } }.map(\.student)),
            ("empty", grades.filter { $0.outcome == .empty }.map(\.student)),
            ("could not be read", grades.filter { $0.outcome == .rejected }.map(\.student)),
            ("grader error, not graded (graded again next run)", grades.filter { !$0.isFinal }.map(\.student)),
        ]
        for (label, students) in groups where !students.isEmpty {
            lines.append("\(label) (\(students.count)): \(students.joined(separator: ", "))")
        }
        let final = grades.filter(\.isFinal)
        let mean = final.isEmpty ? 0 : final.reduce(0) { $0 + $1.score } / Double(final.count)
        lines.append("\(grades.count) students · graded now \(totals.graded) · unchanged \(totals.skipped) · "
            + (totals.graderErrors.isEmpty ? "" : "grader errors \(totals.graderErrors.count) · ")
            + "mean score \(GradesCSV.number(mean))/\(GradesCSV.number(grades.first?.maxScore ?? 0))")
        lines += totals.errors
        return lines.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
