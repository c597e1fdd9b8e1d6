import Solutions
import Contracts
import Foundation

/// The `main` of a per-student runner built by `vlm-course grade`: the same child side as
/// the learner's runner (`LearnerRunner`), for a binary that links one student's `Exercises` module.
///
/// Arguments are the ones `PieceRunner` passes: `<id> --fixtures <dir> --timeout <s> [--stand-ins a,b]`.
public enum BatchRunnerEntry {
    /// Grades one piece of `learner` (stand-ins replaced by the reference) and exits.
    public static func run(learner: Implementations, arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        guard let id = arguments.first, let fixtures = value("--fixtures", in: arguments) else {
            fail("usage: <piece> --fixtures <dir> [--timeout <s>] [--stand-ins a,b]")
        }
        let timeout = value("--timeout", in: arguments).flatMap(Int.init) ?? 10
        let standIns = CheckChild.pieces(value("--stand-ins", in: arguments))
        let implementations = learner.replacing(standIns, from: Reference.implementations)
        do {
            try CheckChild.run(piece: id, implementations: implementations,
                               context: CheckContext(fixtures: URL(fileURLWithPath: fixtures)), timeout: timeout)
        } catch {
            fail("\(error)")
        }
    }

    private static func value(_ option: String, in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("batch runner: \(message)\n".utf8))
        exit(2)
    }
}
