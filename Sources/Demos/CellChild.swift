import Contracts
import Figures
import Foundation
import Solutions

/// The learner runner's side of a lesson cell run with the learner's pieces (`vlm-course show` once a
/// piece the cell uses has passed): runs one cell with the learner's implementations (the reference
/// standing in for those named) and writes what it printed, as UTF-8, to a file for the course tool.
/// Runs in the learner's process, so a crash or a hang stops only it.
///
/// Arguments: `cell ID --width W [--color] --out FILE [--stand-ins a,b]`.
public enum CellChild {
    /// The runner's first argument that selects this side.
    public static let command = "cell"

    public static func run(_ arguments: [String], learner: Implementations) -> Never {
        guard arguments.count > 1, let cell = DemoCells.cell(arguments[1]),
              let out = RunnerSide.option("--out", in: arguments),
              let width = Int(RunnerSide.option("--width", in: arguments) ?? "80"), width > 0 else {
            RunnerSide.fail("usage: cell ID --width W [--color] --out FILE [--stand-ins a,b]")
        }
        let pieces = learner.replacing(RunnerSide.standIns(arguments), from: Reference.implementations)
        RunnerSide.finish(writing: { Data(cell.run(with: pieces, color: arguments.contains("--color"), width: width).utf8) },
                          to: out)
    }
}
