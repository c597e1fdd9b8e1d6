import Contracts
import Foundation

/// Why a check child stopped, as a status and a message a learner can act on.
struct StopReason {
    let status: CheckStatus
    let message: String

    init(_ outcome: ChildProcess.Outcome, timeout: Int, channelProblem: String?) {
        switch outcome.termination {
        case .timedOut:
            status = .timeout
            message = "did not finish within \(timeout) s and was stopped — an infinite loop? (--timeout changes the limit)"
        case .exited(TodoMarker.exitStatus) where outcome.stderr.contains(TodoMarker.prefix):
            status = .todo
            message = Self.line(in: outcome.stderr, containing: TodoMarker.prefix) ?? "not implemented yet"
        case .exited(0):
            status = .crash
            message = channelProblem.map { "the check results could not be read: \($0)" }
                ?? "the process exited before finishing the checks — does your code call exit()?"
        case .exited(let code):
            status = .crash
            message = "exited with status \(code)" + Self.detail(outcome.stderr)
        case .signaled(let signal):
            status = .crash
            message = "crashed with \(Self.describe(signal))" + Self.detail(outcome.stderr)
        }
    }

    static func describe(_ signal: Int32) -> String {
        switch signal {
        case SIGILL, SIGTRAP: "signal \(signal) (\(signal == SIGILL ? "SIGILL" : "SIGTRAP"): a Swift trap — failed precondition, "
            + "index out of range, nil unwrapped, arithmetic overflow or fatalError)"
        case SIGSEGV: "signal 11 (SIGSEGV: a stack overflow — unbounded recursion? — or a bad memory access)"
        case SIGBUS: "signal 7 (SIGBUS: a bad memory access)"
        case SIGABRT: "signal 6 (SIGABRT: the program aborted)"
        case SIGFPE: "signal 8 (SIGFPE: an integer division by zero)"
        case SIGKILL: "signal 9 (SIGKILL: killed from outside, e.g. out of memory)"
        case SIGALRM: "signal 14 (SIGALRM: the child's own time limit)"
        default: "signal \(signal)"
        }
    }

    /// The runtime's "Fatal error: …" line, or the last line of stderr.
    private static func detail(_ stderr: String) -> String {
        let found = line(in: stderr, containing: "Fatal error") ?? line(in: stderr, containing: "error:")
            ?? stderr.split(separator: "\n").last.map(String.init)
        return found.map { ": \($0.trimmingCharacters(in: .whitespaces))" } ?? ""
    }

    private static func line(in text: String, containing needle: String) -> String? {
        text.split(separator: "\n").first { $0.contains(needle) }.map(String.init)
    }
}
