import Contracts
import Foundation

/// `vlm-course check`: rebuild the learner's code, grade the chosen pieces in child processes,
/// record progress.
public struct CourseCheck {
    public let root: CourseRoot
    /// Seconds per piece before its child is killed.
    public var timeout = 10
    /// Skip `swift build` and grade the binary as it is (tests, and `dev check` right after a build).
    public var rebuild = true
    /// Grade the reference solutions in the exercises' place (`dev check`).
    public var useSolutions = false
    /// Rebuild with `swift build` even when the direct `swiftc` path (`DirectBuild`) could be used.
    public var alwaysUseSwiftPM = false
    /// Update `.vlm-course/progress.json` with the verdicts (off for `dev check`).
    public var recordsProgress = true
    /// The running binary, used for the children when not rebuilding.
    public var currentExecutable: String

    public init(root: CourseRoot, currentExecutable: String) {
        self.root = root
        self.currentExecutable = currentExecutable
    }

    public enum Failure: Error, CustomStringConvertible {
        case unknownSelection(String)
        public var description: String {
            switch self {
            case .unknownSelection(let name):
                "unknown exercise or part \"\(name)\"; use an id (\(Catalog.idList)) or a part ("
                    + Set(Catalog.exercises.map(\.part)).sorted().map { "part\($0)" }.joined(separator: ", ") + ")"
            }
        }
    }

    /// The pieces for `ID`, `partN`/`N`, or every piece when `nil`.
    public static func select(_ selection: String?) throws -> [PieceID] {
        guard let selection else { return PieceID.allCases }
        if let piece = PieceID(rawValue: selection) { return [piece] }
        let digits = selection.lowercased().replacingOccurrences(of: "part", with: "").trimmingCharacters(in: .punctuationCharacters)
        let pieces = Catalog.exercises.filter { "\($0.part)" == digits }.map(\.piece)
        guard !pieces.isEmpty else { throw Failure.unknownSelection(selection) }
        return pieces
    }

    public func run(_ pieces: [PieceID]) throws -> GradeReport {
        var build = BuildOutcome.skipped
        var command = [currentExecutable, "run-check"]
        if rebuild {
            let forbidden = ImportRule.violations(in: root)
            guard forbidden.isEmpty else {
                return GradeReport(exercises: [], build: BuildOutcome(status: .failed, errors: forbidden))
            }
            if !alwaysUseSwiftPM, let direct = DirectBuild.run(root) {
                (build, command) = (direct.outcome, [direct.runner])
            } else {
                (build, command) = (CourseBuild.run(root), [root.builtBinary.path, "run-check"])
            }
            guard build.status == .succeeded else { return GradeReport(exercises: [], build: build) }
        }
        if useSolutions { command.append("--solutions") }
        let runner = PieceRunner(command: command, context: CheckContext(fixtures: root.fixtures), timeout: timeout)
        let report = GradeReport(exercises: GradingSession(runner: runner).grade(pieces), build: build)
        if recordsProgress && !useSolutions { try recordProgress(report) }
        return report
    }

    private func recordProgress(_ report: GradeReport) throws {
        var progress = try CourseProgress(root: root)
        for exercise in report.exercises {
            guard let piece = PieceID(rawValue: exercise.id) else { continue }
            progress.record(piece, passed: exercise.status == .pass)
        }
        try progress.save()
    }
}
