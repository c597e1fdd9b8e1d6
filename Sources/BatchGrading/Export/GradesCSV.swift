import Contracts

/// `grades.csv`: one row per student, a column of points per piece, the total and the maximum.
/// A `grader-error` student has no grade yet: the points and the total are left empty.
public enum GradesCSV {
    public static func render(_ grades: [StudentGrade]) -> String {
        let ids = Catalog.exercises.map(\.id)
        var lines = [(["student", "outcome"] + ids + ["total", "max"]).joined(separator: ",")]
        for grade in grades {
            let points = ids.map { number(grade.piece($0)?.points ?? 0) } + [number(grade.score)]
            lines.append(([field(grade.student), grade.outcome.rawValue]
                + (grade.isFinal ? points : points.map { _ in "" }) + [number(grade.maxScore)]).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `12`, `3.33` — at most two decimals, no trailing zeros.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// RFC 4180 quoting when needed.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
