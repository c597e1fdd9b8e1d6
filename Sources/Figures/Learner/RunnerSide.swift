import Contracts
import Foundation

/// What the learner runner's commands beside `check` share (Figures' `FigureChild`, Demos'
/// `CellChild`): reading their options, writing their result to the file the course tool reads, and
/// failing with one line on standard error.
public enum RunnerSide {
    /// The value after `name` in `arguments`, or nil.
    public static func option(_ name: String, in arguments: [String]) -> String? {
        arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    }

    /// The pieces named by `--stand-ins a,b`, for which the reference runs.
    public static func standIns(_ arguments: [String]) -> [PieceID] {
        (option("--stand-ins", in: arguments) ?? "").split(separator: ",").compactMap { PieceID(rawValue: String($0)) }
    }

    /// Writes what `result` makes to `path` and exits 0; exits 1 with the error if either fails.
    public static func finish(writing result: () throws -> Data, to path: String) -> Never {
        do {
            try result().write(to: URL(fileURLWithPath: path))
        } catch {
            fail("\(error)")
        }
        exit(0)
    }

    /// Exits 1 after printing `message` on standard error.
    public static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
        exit(1)
    }
}
