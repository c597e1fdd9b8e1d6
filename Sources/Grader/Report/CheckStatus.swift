/// The outcome of one check, or of a whole piece: the one list of statuses that `check --json`,
/// the batch gradebook and every export use.
///
/// - `pass`: every check held.
/// - `fail`: the code ran and some check did not hold.
/// - `todo`: the piece still calls `todo(…)`.
/// - `crash`: the learner's process stopped on a trap, a signal or a bad exit status.
/// - `timeout`: the process did not finish within the time limit and was killed.
/// - `compile-error`: the piece's file does not compile; its stub stood in so the others could be
///   graded (in the batch grader: the submission does not compile, or the compiler hit one of the
///   limits set for it).
/// - `grader-error`: the machine failed, not the learner (no space, the sandbox or runner could
///   not start, a fixture unreadable, the compiler killed from outside); nothing is graded, and
///   the batch grades that student again on its next run.
public enum CheckStatus: String, Codable, Sendable, CaseIterable {
    case pass, fail, todo, crash, timeout
    case compileError = "compile-error"
    case graderError = "grader-error"
}

/// One named check's result, e.g. `("masked positions are exactly 0", .fail, "…")`.
public struct CheckResult: Codable, Sendable, Equatable {
    public let name: String
    public let status: CheckStatus
    /// Evidence for a failure (empty when the check passed).
    public let message: String

    public init(name: String, status: CheckStatus, message: String = "") {
        self.name = name
        self.status = status
        self.message = message
    }
}
