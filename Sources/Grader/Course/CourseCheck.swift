import Contracts
import Foundation

/// `vlm-course check`: rebuild the learner's code, grade the chosen pieces in child processes,
/// record progress.
public struct CourseCheck {
    public let root: CourseRoot
    /// Seconds per piece before its child is killed.
    public var timeout = 10
    /// Skip the rebuild and grade with the runner as it is (tests, and `dev check` right after a build).
    public var rebuild = true
    /// Grade the reference solutions in the exercises' place (`dev check`).
    public var useSolutions = false
    /// Rebuild with SwiftPM even when the direct `swiftc` path (`DirectBuild`) could be used.
    public var alwaysUseSwiftPM = false
    /// Update `.vlm-course/progress.json` with the verdicts (off for `dev check`).
    public var recordsProgress = true
    public init(root: CourseRoot) {
        self.root = root
    }

    public enum Failure: Error, CustomStringConvertible {
        case unknownSelection(String)
        case noRunner
        public var description: String {
            switch self {
            case .unknownSelection(let name):
                "unknown exercise or part \"\(name)\"; use an id (\(Catalog.idList)) or a part ("
                    + Set(Catalog.exercises.map(\.part)).sorted().map { "part\($0)" }.joined(separator: ", ") + ")"
            case .noRunner:
                "no runner has been built yet to grade with; run `vlm-course check` without --no-build"
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
        var command: [String]
        if rebuild {
            let forbidden = ImportRule.violations(in: root)
            guard forbidden.isEmpty else {
                return GradeReport(exercises: [], build: BuildOutcome(status: .failed, errors: forbidden))
            }
            let built = LearnerRunner.build(root, kind: .checks, alwaysUseSwiftPM: alwaysUseSwiftPM)
            (build, command) = (built.outcome, [built.runner])
            guard build.status == .succeeded else { return GradeReport(exercises: [], build: build) }
        } else {
            guard let existing = LearnerRunner.existing(root) else { throw Failure.noRunner }
            command = [existing]
        }
        if useSolutions { command.append("--solutions") }
        let runner = PieceRunner(command: command, context: CheckContext(fixtures: root.fixtures), timeout: timeout)
        let report = GradeReport(exercises: GradingSession(runner: runner).grade(pieces, decided: Self.compileErrors(build)),
                                 build: build)
        if recordsProgress && !useSolutions { try recordProgress(report) }
        return report
    }

    /// A `compile-error` report for each piece whose file was swapped for its stub.
    static func compileErrors(_ build: BuildOutcome) -> [PieceID: ExerciseReport] {
        var reports: [PieceID: ExerciseReport] = [:]
        for (id, errors) in build.stubbed ?? [:] {
            guard let piece = PieceID(rawValue: id) else { continue }
            reports[piece] = ExerciseReport.compileError(piece, errors: errors)
        }
        return reports
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
