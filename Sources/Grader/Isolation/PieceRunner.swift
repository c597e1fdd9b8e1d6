import Solutions
import Contracts
import Foundation

/// The grader's side of grading one piece: starts a child process that runs the learner's code,
/// reads the evidence it recorded, and judges it against the reference in this process.
public struct PieceRunner: Sendable {
    /// The program and leading arguments that start a check child, e.g. `[.build/vlm-course-check/runner]`;
    /// the runner appends `<id> --fixtures <dir> --timeout <s> [--stand-ins a,b]`.
    public let command: [String]
    public let context: CheckContext
    public let timeout: Int
    /// Largest amount of the learner's output kept per piece (per stream).
    public let outputCap: Int

    public init(command: [String], context: CheckContext, timeout: Int = 10, outputCap: Int = 4_096) {
        self.command = command
        self.context = context
        self.timeout = timeout
        self.outputCap = outputCap
    }

    public func grade(_ piece: PieceID, standIns: [PieceID]) -> ExerciseReport {
        let checks = PieceChecks.checks(for: piece)
        var arguments = Array(command.dropFirst())
            + [piece.rawValue, "--fixtures", context.fixtures.path, "--timeout", "\(timeout)"]
        // The reference stands in for every other piece but the dependencies that passed: a piece this
        // one does not declare is always the reference, so its verdict never depends on another's state.
        let passed = Set(piece.info.dependencies).subtracting(standIns)
        let replaced = PieceID.allCases.filter { $0 != piece && !passed.contains($0) }
        if !replaced.isEmpty { arguments += ["--stand-ins", replaced.map(\.rawValue).joined(separator: ",")] }
        do {
            let channel = try ResultChannel()
            defer { channel.remove() }
            var environment = ProcessInfo.processInfo.environment
            environment[CheckChild.resultFileVariable] = channel.path
            environment[CheckChild.nonceVariable] = channel.nonceHex
            environment["SWIFT_BACKTRACE"] = "enable=no"  // a crash reports at once, without a slow backtrace
            let outcome = try ChildProcess.run(command[0], arguments, environment: environment,
                                           timeout: TimeInterval(timeout), outputCap: outputCap)
            return judge(piece, checks, standIns, outcome, channel.read())
        } catch {
            let results = checks.map { CheckResult(name: $0.name, status: .crash, message: "\(error)") }
            return ExerciseReport(id: piece.rawValue, status: .crash, standIns: standIns.map(\.rawValue), checks: results,
                                  output: "")
        }
    }

    /// Verdicts for the checks whose evidence arrived; the process's end explains the rest.
    private func judge(_ piece: PieceID, _ checks: [Check], _ standIns: [PieceID], _ outcome: ChildProcess.Outcome,
                       _ channel: (records: [Evidence], problem: String?)) -> ExerciseReport {
        Reference.activate()
        let records = Array(channel.records.prefix(checks.count))
        var results = zip(checks, records).map { $0.verdict($1, context) }
        let complete = results.count == checks.count
        let stop = StopReason(outcome, timeout: timeout, channelProblem: channel.problem)
        if !complete {
            let stopped = checks[results.count]
            results.append(CheckResult(name: stopped.name, status: stop.status, message: stop.message))
            for check in checks.dropFirst(results.count) {
                results.append(CheckResult(name: check.name, status: stop.status,
                                           message: "not run: the process stopped at “\(stopped.name)”"))
            }
        }
        let status: CheckStatus = complete ? (results.allSatisfy { $0.status == .pass } ? .pass : .fail) : stop.status
        return ExerciseReport(id: piece.rawValue, status: status, standIns: standIns.map(\.rawValue), checks: results,
                              output: Self.output(outcome))
    }

    private static func output(_ outcome: ChildProcess.Outcome) -> String {
        var text = outcome.stdout + outcome.stderr
        if outcome.droppedBytes > 0 { text += "\n[output truncated: \(outcome.droppedBytes) more bytes dropped]" }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
