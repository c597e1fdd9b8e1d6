import Contracts
import Foundation

/// One file that does not compile must not stop the rest: a learner file the compiler reports errors
/// in is swapped for its pristine stub (`Stubs/…`), and the build tried again, until it succeeds or
/// an error cannot be pinned on a piece's file. A swapped piece is graded `compile-error` with the
/// compiler's messages; the others build and are graded as usual (the swapped piece's reference
/// stands in where they call it).
enum StubSwap {
    /// Compiles `files` (absolute paths under `Sources/Exercises`) with `compile`, which runs the compiler
    /// on a list of sources; nil when the compiler could not be run at all.
    static func compile(_ files: [String], root: CourseRoot,
                        _ compile: ([String]) -> ChildProcess.Outcome?) -> BuildOutcome? {
        var swapped: [PieceID: [String]] = [:]
        var earlier: [String] = []
        while true {
            let sources = files.map { path in
                piece(of: path, root: root).flatMap { swapped[$0] == nil ? nil : root.stubFile($0.info.file).path } ?? path
            }
            guard let outcome = compile(sources) else { return nil }
            if outcome.termination == .exited(0) {
                return BuildOutcome(status: .succeeded, errors: earlier, stubbed: swapped)
            }
            let errors = CourseBuild.errors(in: outcome.stdout + outcome.stderr, root: root)
            var found: [PieceID: [String]] = [:]
            for error in errors {
                let path = String(error.prefix { $0 != ":" })
                if let piece = Catalog.exercises.first(where: { $0.file == path })?.piece, swapped[piece] == nil,
                   FileManager.default.fileExists(atPath: root.stubFile(path).path) {
                    found[piece, default: []].append(error)
                }
            }
            // Other errors may follow from these (a file using another's broken type): they are seen
            // again on the next try, and end the build if no piece's file is left to blame.
            guard !found.isEmpty else { return BuildOutcome(status: .failed, errors: earlier + errors) }
            swapped.merge(found) { $1 }
            earlier += PieceID.allCases.flatMap { found[$0] ?? [] }
        }
    }

    /// The piece whose learner file is `path` (absolute), if any.
    private static func piece(of path: String, root: CourseRoot) -> PieceID? {
        Catalog.exercises.first { root.file($0.file).path == path }?.piece
    }
}
