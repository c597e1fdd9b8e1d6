import Contracts

/// The human report of `vlm-course check`.
public enum ReportRenderer {
    public static func render(_ report: GradeReport) -> String {
        var lines: [String] = []
        if report.build.status == .failed {
            lines.append("✗ Your code does not compile yet. The compiler says:")
            lines += report.build.errors.map { "    " + $0 }
            return lines.joined(separator: "\n")
        }
        for exercise in report.exercises {
            lines.append(summary(exercise))
            lines += details(exercise)
        }
        lines.append("")
        lines.append("Score: \(report.score)/\(report.maxScore) checks"
            + " · pieces passed: \(report.exercises.filter { $0.status == .pass }.count)/\(report.exercises.count)")
        return lines.joined(separator: "\n")
    }

    /// `vlm-attention: passed, with the reference vlm-mask standing in`.
    public static func summary(_ e: ExerciseReport) -> String {
        let mark = e.status == .pass ? "✓" : e.status == .todo ? "·" : "✗"
        let verdict = switch e.status {
        case .pass: "passed (\(e.points)/\(e.maxPoints) checks)"
        case .fail: "failed \(e.maxPoints - e.points) of \(e.maxPoints) checks"
        case .todo: "not started (todo)"
        case .crash: "crashed (\(e.points)/\(e.maxPoints) checks passed before)"
        case .timeout: "timed out (\(e.points)/\(e.maxPoints) checks passed before)"
        case .compileError: "does not compile (its stub stood in so the other pieces could be graded)"
        case .graderError: "not graded: the grader failed, not your code (it will be graded again)"
        }
        let standIn = e.standIns.isEmpty ? ""
            : ", with the reference \(e.standIns.joined(separator: " and ")) standing in"
        return "\(mark) \(e.id): \(verdict)\(standIn)"
    }

    private static func details(_ e: ExerciseReport) -> [String] {
        let file = Catalog.exercise(e.id)?.file ?? "Sources/Exercises"
        switch e.status {
        case .pass:
            return ["    compare with the reference: vlm-course solution \(e.id)"]
        case .todo:
            return ["    open \(file) and replace the todo(\"\(e.id)\") with your code (vlm-course hint \(e.id))"]
        case .compileError:
            return ["    the compiler says:"] + (e.checks.first?.message ?? "").split(separator: "\n").map { "      \($0)" }
                + ["    file: \(file)"]
        case .graderError:
            return e.checks.first { !$0.message.isEmpty }.map { ["    " + $0.message] } ?? []
        case .fail, .crash, .timeout:
            var lines: [String] = []
            for check in e.checks {
                let mark = check.status == .pass ? "✓" : "✗"
                lines.append("    \(mark) \(check.name)")
                if check.status != .pass {
                    lines += check.message.split(separator: "\n", omittingEmptySubsequences: false).map { "        \($0)" }
                }
            }
            if e.status != .fail, !e.output.isEmpty {
                lines.append("    your program's output:")
                lines += e.output.split(separator: "\n").suffix(20).map { "      | \($0)" }
            }
            lines.append("    file: \(file)")
            return lines
        }
    }
}
