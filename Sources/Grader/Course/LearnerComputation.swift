import Contracts
import Foundation

/// Something computed with the learner's own pieces for the learner to look at (`plot --mine`,
/// `mask --mine`): the figure runner does the work in a child process, as contained as `check`'s
/// children (a crash, a hang or a file that does not compile stops only it), and writes its result to
/// a file this side reads. Pieces that have not passed `check`, or whose file does not compile now, are
/// replaced by the reference, and `notes` says so.
public struct LearnerComputation {
    public let data: Data
    /// Lines for the learner: which pieces the reference stood in for, and why.
    public let notes: [String]

    public enum Failure: Error, CustomStringConvertible {
        case doesNotCompile([String])
        case stopped(String, output: String)

        public var description: String {
            switch self {
            case .doesNotCompile(let errors):
                "your code could not be built, so none of it can run (`vlm-course check` explains):\n"
                    + errors.prefix(5).map { "    \($0)" }.joined(separator: "\n")
            case .stopped(let why, let output):
                "your code stopped before the result was ready: \(why)"
                    + (output.isEmpty ? "" : "\nits output:\n" + output.split(separator: "\n").suffix(10).map { "  | \($0)" }
                        .joined(separator: "\n"))
            }
        }
    }

    /// Runs the figure runner with `arguments` (e.g. `["plot", "causal", "--seed", "42"]`), adding
    /// `--out FILE --stand-ins …`, and returns what it wrote.
    public static func run(_ arguments: [String], root: CourseRoot, timeout: Int = 60) throws -> LearnerComputation {
        let done = Set(try CourseProgress(root: root).done)
        let built = LearnerRunner.build(root, kind: .figures)
        guard built.outcome.status == .succeeded else { throw Failure.doesNotCompile(built.outcome.errors) }
        let broken = Set((built.outcome.stubbed ?? [:]).keys.compactMap(PieceID.init(rawValue:)))
        let standIns = PieceID.allCases.filter { !done.contains($0) || broken.contains($0) }
        var notes: [String] = []
        let notPassed = standIns.filter { !broken.contains($0) }
        if !notPassed.isEmpty {
            notes.append("Using the reference for pieces that have not passed `vlm-course check` yet: "
                + notPassed.map(\.rawValue).joined(separator: ", "))
        }
        for piece in PieceID.allCases where broken.contains(piece) {
            notes.append("\(piece.info.file) does not compile; the reference \(piece.rawValue) stands in "
                + "(\(built.outcome.stubbed?[piece.rawValue]?.first ?? "see `vlm-course check`"))")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vlm-course-mine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("result")
        let outcome = try ChildProcess.run(built.runner, arguments + ["--out", out.path, "--stand-ins",
                                                                     standIns.map(\.rawValue).joined(separator: ",")],
                                           environment: ["SWIFT_BACKTRACE": "enable=no"],
                                           timeout: TimeInterval(timeout), outputCap: 16_384)
        let output = (outcome.stdout + outcome.stderr).trimmingCharacters(in: .whitespacesAndNewlines)
        guard outcome.termination == .exited(0), let data = FileManager.default.contents(atPath: out.path) else {
            throw Failure.stopped(StopReason(outcome, timeout: timeout, channelProblem: nil).message, output: output)
        }
        return LearnerComputation(data: data, notes: notes)
    }
}
