import Contracts
import Foundation

/// The grade of one piece: the JSON object in `exercises` of `vlm-course check --json`.
public struct ExerciseReport: Codable, Sendable, Equatable {
    public let id: String
    public let status: CheckStatus
    /// Checks passed (a piece earns points for its own checks only).
    public let points: Int
    public let maxPoints: Int
    /// Ids of pieces whose reference stood in for the learner's version while this one was graded.
    public let standIns: [String]
    public let checks: [CheckResult]
    /// What the learner's code printed (capped), for crashes and debugging; not part of the grade.
    public let output: String

    public init(id: String, status: CheckStatus, standIns: [String], checks: [CheckResult], output: String) {
        self.id = id
        self.status = status
        self.points = checks.filter { $0.status == .pass }.count
        self.maxPoints = checks.count
        self.standIns = standIns
        self.checks = checks
        self.output = output
    }
}

extension ExerciseReport {
    /// The report of a piece whose file did not compile (its stub stood in): every check
    /// `compile-error`, with the compiler's `errors` as the message.
    public static func compileError(_ piece: PieceID, errors: [String]) -> ExerciseReport {
        let results = PieceChecks.checks(for: piece).map {
            CheckResult(name: $0.name, status: .compileError, message: errors.joined(separator: "\n"))
        }
        return ExerciseReport(id: piece.rawValue, status: .compileError, standIns: [], checks: results, output: "")
    }
}

/// The whole report of `vlm-course check --json`:
/// `{"exercises": [ExerciseReport], "score": Int, "maxScore": Int, "build": BuildOutcome}`.
public struct GradeReport: Codable, Sendable, Equatable {
    public let exercises: [ExerciseReport]
    public let score: Int
    public let maxScore: Int
    public let build: BuildOutcome

    public init(exercises: [ExerciseReport], build: BuildOutcome = .skipped) {
        self.exercises = exercises
        self.score = exercises.reduce(0) { $0 + $1.points }
        self.maxScore = exercises.reduce(0) { $0 + $1.maxPoints }
        self.build = build
    }

    /// True when the build succeeded and every graded piece passed (the CLI exits 0 only then).
    public var allPassed: Bool {
        build.status != .failed && !exercises.isEmpty && exercises.allSatisfy { $0.status == .pass }
    }
}

/// Whether the learner's code was rebuilt before grading, and the compiler's errors.
public struct BuildOutcome: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case succeeded, failed, skipped }
    public let status: Status
    /// Compiler diagnostics (`file:line:col: error: …`): every error when the build failed, the swapped
    /// files' errors when it succeeded with stubs.
    public let errors: [String]
    /// Pieces whose file did not compile and was replaced by its stub, with that file's errors; they are
    /// graded `compile-error`. Absent when none was.
    public let stubbed: [String: [String]]?

    public init(status: Status, errors: [String] = [], stubbed: [PieceID: [String]] = [:]) {
        self.status = status
        self.errors = errors
        self.stubbed = stubbed.isEmpty ? nil : Dictionary(uniqueKeysWithValues: stubbed.map { ($0.key.rawValue, $0.value) })
    }

    public static let skipped = BuildOutcome(status: .skipped)
}

extension GradeReport {
    /// The report as pretty-printed JSON with keys in a stable order.
    public func jsonString() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
