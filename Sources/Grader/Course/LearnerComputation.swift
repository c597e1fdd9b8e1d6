import Contracts
import Foundation

/// Something computed with the learner's own pieces for the learner to look at (`plot --mine`, a
/// lesson's cells in `show`): the figure runner does the work in a child process, as contained as `check`'s
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
                return "your code could not be built, so none of it can run (`vlm-course check` explains):\n"
                    + errors.prefix(5).map { "    \($0)" }.joined(separator: "\n")
            case .stopped(let why, let output):
                // The runtime's stack trace after a trap says nothing the learner can use: `why` names the trap.
                let printed = output.split(separator: "\n").prefix { $0 != "Current stack trace:" }.suffix(10)
                return "your code stopped before the result was ready: \(why)"
                    + (printed.isEmpty ? "" : "\nits output:\n" + printed.map { "  | \($0)" }.joined(separator: "\n"))
            }
        }
    }

    /// The pieces the reference stood in for: those that have not passed, or whose file does not compile.
    public let standIns: Set<PieceID>

    /// Runs the figure runner with `arguments` (e.g. `["plot", "causal", "--seed", "42"]`), adding
    /// `--out FILE --stand-ins …`, and returns what it wrote.
    public static func run(_ arguments: [String], root: CourseRoot, timeout: Int = 60) throws -> LearnerComputation {
        try Runner(root).run(arguments, timeout: timeout)
    }

    /// The figure runner built once from the learner's files, for several computations (a lesson's cells).
    public struct Runner {
        let path: String
        let standIns: [PieceID]
        let notes: [String]

        /// Builds the runner; throws `Failure.doesNotCompile` when nothing of the learner's code builds.
        public init(_ root: CourseRoot) throws {
            let done = Set(try CourseProgress(root: root).done)
            let built = LearnerRunner.build(root, kind: .figures)
            guard built.outcome.status == .succeeded else { throw Failure.doesNotCompile(built.outcome.errors) }
            let broken = Set((built.outcome.stubbed ?? [:]).keys.compactMap(PieceID.init(rawValue:)))
            standIns = PieceID.allCases.filter { !done.contains($0) || broken.contains($0) }
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
            self.notes = notes
            path = built.runner
        }

        /// Runs the runner with `arguments` and `--out FILE --stand-ins …`, and returns what it wrote.
        public func run(_ arguments: [String], timeout: Int = 60) throws -> LearnerComputation {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vlm-course-mine-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let out = folder.appendingPathComponent("result")
            let outcome = try ChildProcess.run(path, arguments + ["--out", out.path, "--stand-ins",
                                                                  standIns.map(\.rawValue).joined(separator: ",")],
                                               environment: ["SWIFT_BACKTRACE": "enable=no"],
                                               timeout: TimeInterval(timeout), outputCap: 16_384)
            let output = (outcome.stdout + outcome.stderr).trimmingCharacters(in: .whitespacesAndNewlines)
            guard outcome.termination == .exited(0), let data = FileManager.default.contents(atPath: out.path) else {
                throw Failure.stopped(StopReason(outcome, timeout: timeout, channelProblem: nil).message, output: output)
            }
            return LearnerComputation(data: data, notes: notes, standIns: Set(standIns))
        }
    }
}
