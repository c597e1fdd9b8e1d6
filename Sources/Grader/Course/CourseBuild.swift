import Contracts
import Foundation

/// Rebuilds the learner's runner with SwiftPM (`swift build --product course-runner`), which also
/// brings the course objects `DirectBuild` links up to date; a failed build becomes the verdict, with the
/// compiler's errors.
public enum CourseBuild {
    public static func run(_ root: CourseRoot, swift: String = "/usr/bin/env") -> BuildOutcome {
        let arguments = ["swift", "build", "--product", "course-runner", "--package-path", root.url.path]
        guard let outcome = try? ChildProcess.run(swift, arguments, environment: ProcessInfo.processInfo.environment,
                                                  timeout: 900, outputCap: 262_144) else {
            return BuildOutcome(status: .failed, errors: ["could not run `swift build`: is Swift on your PATH?"])
        }
        if outcome.termination == .exited(0) { return BuildOutcome(status: .succeeded) }
        return BuildOutcome(status: .failed, errors: errors(in: outcome.stdout + outcome.stderr, root: root))
    }

    /// `file:line:col: error: message` and `error: …` lines (deduplicated, paths relative to the course), or the
    /// tail of the log when there are none.
    static func errors(in log: String, root: CourseRoot) -> [String] {
        let prefix = root.url.path + "/"
        var seen = Set<String>(), found: [String] = []
        for line in log.split(separator: "\n") where line.contains(": error: ") || line.hasPrefix("error: ") {
            let text = line.replacingOccurrences(of: prefix, with: "").trimmingCharacters(in: .whitespaces)
            if !text.hasPrefix("|"), seen.insert(text).inserted { found.append(text) }
        }
        return found.isEmpty ? log.split(separator: "\n").suffix(15).map(String.init) : found
    }
}
