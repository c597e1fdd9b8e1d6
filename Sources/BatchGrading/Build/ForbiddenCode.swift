import Foundation

/// Refuses, before compiling, a submission that reaches for the reference solutions or the
/// grader: `import Solutions`/`import Grader`, or the ways to find code by name at link or run
/// time (`@_silgen_name`, `_typeByName`, `dlsym`, `dlopen`). The runner links the reference for
/// the stand-ins, so these are the doors to it. The compiler would reject the imports anyway
/// (the student's module path has no such modules); this gives the clearer message.
enum ForbiddenCode {
    static let modules = ["Solutions", "Grader"]
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
        let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let words = code.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "." || $0 == ";" }).map(String.init)
        if let index = words.firstIndex(of: "import"), index + 1 < words.count {
            let imported = words[(index + 1)...].first { modules.contains($0) }
            if let imported {
                return "`import \(imported)` is not allowed: submissions are compiled without the reference solutions and the grader"
            }
        }
        if let lookup = lookups.first(where: { code.contains($0) }) { return "`\(lookup)` is not allowed in submissions" }
        return nil
    }
}
