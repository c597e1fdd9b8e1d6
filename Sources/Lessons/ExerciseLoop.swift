import Contracts

/// The learner's loop for one piece, as `label  command` lines generated from the catalog: the
/// footer under every exercise in a lesson, the course map's "Continue with", and what a hidden
/// answer (` reveals= `) says.
enum ExerciseLoop {
    /// Under an exercise: the file to edit, how to check it (once, or on every save) and how to get a hint.
    static func footer(_ exercise: ExerciseInfo) -> [StyledLine] {
        [
            line("write", exercise.file),
            line("check", "vlm-course check \(exercise.id)"),
            line("watch", "vlm-course watch", note: "rechecks on every save"),
            line("hint", "vlm-course hint \(exercise.id)", note: "one more hint each time"),
        ]
    }

    /// `    label   command   (note)`, the command in cyan.
    static func line(_ label: String, _ command: String, note: String? = nil, indent: Int = 4) -> StyledLine {
        let padded = String(repeating: " ", count: indent) + label + String(repeating: " ", count: max(8 - label.count, 1))
        return [Span(padded, .dim), Span(command, .cyan)] + (note.map { [Span("   (\($0))", .dim)] } ?? [])
    }

    /// What a block that shows the answer of `pieces` says while they have not passed.
    static func lockedNotice(_ pieces: [PieceID]) -> [String] {
        [
            "Hidden: this code is an answer to \(list(pieces.map(\.rawValue))).",
            "Predict what it does, write your own, and it appears here",
            unlock(pieces) + ".",
        ]
    }

    /// `once `vlm-course check a` passes`, or `once a and b pass `vlm-course check``.
    static func unlock(_ pieces: [PieceID]) -> String {
        let names = list(pieces.map(\.rawValue))
        return pieces.count == 1 ? "once `vlm-course check \(names)` passes" : "once \(names) pass `vlm-course check`"
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }
}
