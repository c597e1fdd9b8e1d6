import Foundation
import Grader

/// Refuses, before compiling, a submission that reaches for the reference solutions or the
/// grader: `import Solutions`/`import Grader`, or the ways to find code by name at link or run
/// time (`@_silgen_name`, `_typeByName`, `dlsym`, `dlopen`). The runner links the reference for
/// the stand-ins, so these are the doors to it. The compiler would reject the imports anyway
/// (the student's module path has no such modules); this gives the clearer message.
enum ForbiddenCode {
    static let lookups = ["@_silgen_name", "_typeByName", "dlsym", "dlopen"]

    static func scan(_ submission: PreparedSubmission) -> [String]? {
        var findings: [String] = []
        for relative in submission.files {
            let url = submission.sourceFolder.appendingPathComponent(relative)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let problem = problem(in: line) { findings.append("\(relative):\(number + 1): error: \(problem)") }
            }
        }
        return findings.isEmpty ? nil : findings
    }

    private static func problem(in line: Substring) -> String? {
        if let imported = ImportRule.forbiddenModule(importedBy: line) {
            return "`import \(imported)` is not allowed: submissions are compiled without the reference solutions and the grader"
        }
        let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        if let lookup = lookups.first(where: { code.contains($0) }) { return "`\(lookup)` is not allowed in submissions" }
        return nil
    }
}
