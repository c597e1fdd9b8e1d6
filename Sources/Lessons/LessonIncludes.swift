import Contracts
import Demos

/// Fills exercise and cell fences with the code they point at, and runs cells on request.
///
/// An exercise's code comes from its stub (`Catalog.exercises`), a cell's from its file in
/// `Sources/Demos`; both between `// ANCHOR: <id>` and `// ANCHOR_END: <id>`. When the code
/// cannot be found, the fence shows one `(code not found: …)` line instead.
public enum LessonIncludes {
    /// `lesson` with included code, and cell output when `runCells` is true (figures drawn for a
    /// display `width` columns wide, in colour when `color` is true).
    public static func resolve(_ lesson: Lesson, root: CourseRoot, runCells: Bool,
                               color: Bool = false, width: Int = 80) -> Lesson {
        let cellDisplay = runCells ? CellDisplay(color: color, width: width) : nil
        var resolved = lesson
        resolved.blocks = lesson.blocks.map { resolve($0, root: root, cells: cellDisplay) }
        return resolved
    }

    /// How cells draw their output; `nil` means cells are not run.
    private struct CellDisplay {
        let color: Bool
        let width: Int
    }

    private static func resolve(_ block: Block, root: CourseRoot, cells: CellDisplay?) -> Block {
        switch block {
        case .code(let code):
            return .code(resolve(code, root: root, cells: cells))
        case .list(let ordered, let start, let items):
            let resolvedItems = items.map { $0.map { resolve($0, root: root, cells: cells) } }
            return .list(ordered: ordered, start: start, items: resolvedItems)
        case .blockQuote(let children):
            return .blockQuote(children.map { resolve($0, root: root, cells: cells) })
        case .heading, .paragraph, .thematicBreak, .html:
            return block
        }
    }

    private static func resolve(_ code: CodeBlock, root: CourseRoot, cells: CellDisplay?) -> CodeBlock {
        var resolved = code
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
            if let cells {
                // Cell output is indented by four columns under the code box.
                resolved.output = cell.run(color: cells.color, width: max(cells.width - 4, 40))
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
