import Foundation

/// Writes every export of the gradebook into the output folder: `grades.csv`, `results.json`,
/// `junit.xml`, `gradescope/<student>.json` and `feedback/<student>.md`, each through
/// `AtomicFile` (a failed write leaves the previous file whole).
public enum Exports {
    public static func write(_ grades: [StudentGrade], to out: URL) throws {
        let fm = FileManager.default
        let gradescope = out.appendingPathComponent("gradescope"), feedback = out.appendingPathComponent("feedback")
        for folder in [gradescope, feedback] { try fm.createDirectory(at: folder, withIntermediateDirectories: true) }
        try AtomicFile.write(Data(GradesCSV.render(grades).utf8), to: out.appendingPathComponent("grades.csv"))
        try AtomicFile.write(ResultsJSON.render(grades), to: out.appendingPathComponent("results.json"))
        try AtomicFile.write(Data(JUnitReport.render(grades).utf8), to: out.appendingPathComponent("junit.xml"))
        for grade in grades {
            let name = fileName(grade.student)
            try AtomicFile.write(GradescopeResults.render(grade), to: gradescope.appendingPathComponent("\(name).json"))
            try AtomicFile.write(Data(FeedbackMarkdown.render(grade).utf8), to: feedback.appendingPathComponent("\(name).md"))
        }
    }

    /// A student id safe as a file name (ids come from folder names, so this rarely changes anything).
    static func fileName(_ student: String) -> String {
        String(student.map { $0.isLetter || $0.isNumber || "-_.@".contains($0) ? $0 : "_" })
    }
}
