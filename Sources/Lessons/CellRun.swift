import Contracts
import Demos

/// Runs a demo cell with the learner's pieces in the learner's runner, a separate process: the
/// course tool provides it (Lessons never links or builds the learner's code). Returns what the cell
/// printed and the pieces the reference stood in for; throws what stopped it, for the learner to read.
public typealias LearnerCellRun = (_ cell: String, _ width: Int, _ color: Bool) throws -> (output: String, reference: Set<PieceID>)

/// Runs a lesson cell and says whose code made its output. A cell that calls pieces runs the reference
/// in this process while none of the pieces it uses has passed (nothing is built: `show` stays
/// fast), and otherwise runs in the learner's runner with the pieces that passed.
enum CellRun {
    /// The cell's output, and whose code made it (`nil` for a cell that calls no piece).
    static func output(of cell: DemoCell, color: Bool, width: Int, done: Set<PieceID>,
                       learner: LearnerCellRun?) -> (text: String, source: String?) {
        guard !cell.uses.isEmpty else { return (cell.run(color: color, width: width), nil) }
        let waiting = cell.uses.filter { !done.contains($0) }
        guard let learner, cell.uses.contains(where: done.contains) else {
            let yours = waiting.isEmpty ? "" : ": yours runs here " + ExerciseLoop.unlock(waiting)
            return (cell.run(color: color, width: width), "of the reference" + yours)
        }
        do {
            let (text, reference) = try learner(cell.id, width, color)
            let standIns = cell.uses.filter(reference.contains).map(\.rawValue)
            let yours = cell.uses.filter { !reference.contains($0) }.map(\.rawValue)
            let source = yours.isEmpty ? "of the reference (your code did not build: see `vlm-course check`)"
                : "of your " + ExerciseLoop.list(yours) + (standIns.isEmpty ? "" : ", with the reference " + ExerciseLoop.list(standIns))
            return (text, source)
        } catch {
            return ("\(error)\n", "of your code, which did not finish")
        }
    }
}
