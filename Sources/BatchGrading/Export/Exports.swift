import Foundation

/// Writes every export of the gradebook into the output folder: `grades.csv`, `results.json`,
/// `junit.xml`, `gradescope/<student>.json` and `feedback/<student>.md`.
public enum Exports {
    public static func write(_ grades: [StudentGrade], to out: URL) throws {
        let fm = FileManager.default
        let gradescope = out.appendingPathComponent("gradescope"), feedback = out.appendingPathComponent("feedback")
        for folder in [gradescope, feedback] { try fm.createDirectory(at: folder, withIntermediateDirectories: true) }
        try Data(GradesCSV.render(grades).utf8).write(to: out.appendingPathComponent("grades.csv"), options: .atomic)
        try ResultsJSON.render(grades).write(to: out.appendingPathComponent("results.json"), options: .atomic)
        try Data(JUnitReport.render(grades).utf8).write(to: out.appendingPathComponent("junit.xml"), options: .atomic)
        for grade in grades {
            let name = fileName(grade.student)
            try GradescopeResults.render(grade).write(to: gradescope.appendingPathComponent("\(name).json"), options: .atomic)
            try Data(FeedbackMarkdown.render(grade).utf8).write(to: feedback.appendingPathComponent("\(name).md"),
                                                                options: .atomic)
        }
    }

    /// A student id safe as a file name (ids come from folder names, so this rarely changes anything).
    static func fileName(_ student: String) -> String {
        String(student.map { $0.isLetter || $0.isNumber || "-_.@".contains($0) ? $0 : "_" })
    }
}
