import Contracts
import Demos

/// Fills exercise and cell fences with the code they point at, and runs cells on request.
///
/// An exercise's code comes from its stub (`Catalog.exercises`), a cell's from its file in
/// `Sources/Demos`; both between `// ANCHOR: <id>` and `// ANCHOR_END: <id>`. When the code
/// cannot be found, the fence shows one `(code not found: …)` line instead. Code that shows a
/// piece's answer (` reveals=<id> `) is withheld until the piece is `done`; cells that call pieces
/// run the learner's once they are done (`CellRun`).
public enum LessonIncludes {
    /// `lesson` with included code, and cell output when `runCells` is true (figures drawn for a
    /// display `width` columns wide, in colour when `color` is true). `done` are the pieces that
    /// passed `check`; `learner` runs cells with them (without it, cells run the reference).
    public static func resolve(_ lesson: Lesson, root: CourseRoot, runCells: Bool, color: Bool = false, width: Int = 80,
                               done: Set<PieceID> = [], learner: LearnerCellRun? = nil) -> Lesson {
        let context = Context(root: root, runCells: runCells, color: color, width: width, done: done, learner: learner)
        var resolved = lesson
        resolved.blocks = lesson.blocks.map { resolve($0, context) }
        return resolved
    }

    /// What resolving needs besides the block.
    private struct Context {
        let root: CourseRoot
        let runCells: Bool
        let color: Bool
        let width: Int
        let done: Set<PieceID>
        let learner: LearnerCellRun?
    }

    private static func resolve(_ block: Block, _ context: Context) -> Block {
        switch block {
        case .code(let code):
            return .code(resolve(code, context))
        case .list(let ordered, let start, let items):
            return .list(ordered: ordered, start: start, items: items.map { $0.map { resolve($0, context) } })
        case .blockQuote(let children):
            return .blockQuote(children.map { resolve($0, context) })
        case .heading, .paragraph, .thematicBreak, .html:
            return block
        }
    }

    private static func resolve(_ code: CodeBlock, _ context: Context) -> CodeBlock {
        var resolved = code
        resolved.locked = code.reveals.filter { !context.done.contains($0) }.sorted()
        if !resolved.locked.isEmpty {
            resolved.body = ""
            return resolved
        }
        let root = context.root
        switch code.role {
        case .exercise(let id):
            guard let exercise = Catalog.exercise(id) else {
                resolved.body = "(code not found: no exercise named \(id))\n"
                return resolved
            }
            resolved.origin = exercise.file
            resolved.body = included(id, path: exercise.file, root: root)
        case .cell(let id):
            guard let cell = DemoCells.cell(id) else {
                resolved.body = "(code not found: no demo cell named \(id))\n"
                return resolved
            }
            resolved.body = included(id, path: cell.sourcePath, root: root)
            if context.runCells {
                // Cell output is indented by four columns under the code box.
                (resolved.output, resolved.outputSource) = CellRun.output(
                    of: cell, color: context.color, width: max(context.width - 4, 40), done: context.done,
                    learner: context.learner)
            }
        case .listing, .math, .table:
            break
        }
        return resolved
    }

    private static func included(_ id: String, path: String, root: CourseRoot) -> String {
        AnchoredSource.region(id, inFile: root.path(path)) ?? "(code not found: \(path), anchor \(id))\n"
    }
}
