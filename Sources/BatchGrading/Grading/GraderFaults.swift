import Foundation
import Grader

/// Which failures of a piece or of a submission's preparation are the grader's own
/// (`grader-error`) rather than the student's, decided from what the grader observes. When in
/// doubt the grader is blamed: a false `grader-error` costs a rerun, a false `crash` or `rejected`
/// costs the student their grade.
enum GraderFaults {
    /// What `PieceRunner` says when it cannot set a piece up (its result channel, starting the
    /// child) and what a check says when a fixture cannot be read: never words of the student's
    /// code, whose failures are described as "crashed with …", "exited with …" and so on.
    static let setupMessages = ["cannot create ", "cannot start ", "cannot read the PyTorch fixture "]
    /// What the sandbox's own programs print when they cannot start the runner. They print it
    /// before any student code runs, so it opens the piece's output.
    static let sandboxPrefixes = ["bwrap: ", "prlimit: ", SandboxLauncher.failurePrefix]

    /// Why `report` failed because of the grader, or nil when its verdict stands.
    static func cause(of report: ExerciseReport, runner: URL) -> String? {
        guard report.status == .crash || report.status == .fail else { return nil }
        if let message = report.checks.lazy.map(\.message).first(where: { text in setupMessages.contains { text.hasPrefix($0) } }) {
            return "the grader could not run the piece: \(message)"
        }
        guard report.status == .crash else { return nil }
        if !FileManager.default.isExecutableFile(atPath: runner.path) {
            return "the student's runner \(runner.path) was deleted while the student was graded (not by this run)"
        }
        if let line = report.output.split(separator: "\n").first, sandboxPrefixes.contains(where: { line.hasPrefix($0) }) {
            return "the sandbox could not start the piece: \(line)"
        }
        return nil
    }

    /// `report` with every check marked `grader-error`, the cause in the first.
    static func graderError(_ report: ExerciseReport, cause: String) -> ExerciseReport {
        let checks = report.checks.enumerated().map { index, check in
            CheckResult(name: check.name, status: .graderError, message: index == 0 ? cause : "")
        }
        return ExerciseReport(id: report.id, status: .graderError, standIns: report.standIns, checks: checks,
                              output: report.output)
    }

    /// True when preparing failed because of the submission itself: an entry that is not a folder
    /// or an archive, two entries naming one student, an archive libarchive cannot read, too many
    /// files or bytes. Anything else (a
    /// folder that cannot be created, a write that fails, the hash tool) is the grader's.
    static func isStudentFault(_ error: Error) -> Bool {
        switch error {
        case is PreparedSubmission.Unsupported, is PreparedSubmission.Clash: true
        case ArchiveExtractor.Failure.unreadable, ArchiveExtractor.Failure.tooLarge: true
        default: false
        }
    }
}
