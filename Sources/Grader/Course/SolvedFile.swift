import Contracts
import Foundation

/// A piece's file as a learner who solved it has it: the pristine stub, with the code between its
/// `// ANCHOR: <id>` and `// ANCHOR_END: <id>` lines taken from the reference. It is what
/// `vlm-course solution` shows (a drop-in file), and what tests hand in as a correct submission; the
/// reference file itself does not declare the piece's protocol (see Solutions' `Reference`).
public enum SolvedFile {
    public enum Failure: Error, CustomStringConvertible {
        case unusable(String)
        public var description: String {
            switch self {
            case .unusable(let path): "\(path) is missing or has lost its ANCHOR lines; restore it from the course repository"
            }
        }
    }

    /// The solved file's text.
    public static func text(_ piece: PieceID, root: CourseRoot) throws -> String {
        let stubURL = root.stubFile(piece.info.file), solutionURL = root.solutionFile(piece.info.file)
        guard let stub = try? String(contentsOf: stubURL, encoding: .utf8) else { throw Failure.unusable(stubURL.path) }
        guard let solution = try? String(contentsOf: solutionURL, encoding: .utf8) else {
            throw Failure.unusable(solutionURL.path)
        }
        guard let region = lines(solution, piece), let replaced = lines(stub, piece) else {
            throw Failure.unusable(lines(stub, piece) == nil ? stubURL.path : solutionURL.path)
        }
        var result = stub.components(separatedBy: "\n")
        result.replaceSubrange(replaced, with: solution.components(separatedBy: "\n")[region])
        return result.joined(separator: "\n")
    }

    /// The line range from the piece's ANCHOR line to its ANCHOR_END line, inclusive.
    private static func lines(_ text: String, _ piece: PieceID) -> ClosedRange<Int>? {
        let all = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let start = all.firstIndex(of: "// ANCHOR: \(piece.rawValue)"),
              let end = all.firstIndex(of: "// ANCHOR_END: \(piece.rawValue)"), start < end else { return nil }
        return start...end
    }
}
