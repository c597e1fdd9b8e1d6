import Contracts
import Foundation
import Solutions

/// The learner runner's side of `plot --mine` (and, as `plot mask …`, of `mask --mine`: `MaskChild`):
/// computes one notebook figure with the learner's pieces
/// (the reference standing in for those named) and writes it, `Figure.encoded()`, to a file for the
/// course tool to draw. Runs in the learner's process, so a crash or a hang stops only it.
///
/// Arguments: `plot NAME --seed S --out FILE [--stand-ins a,b]`.
public enum FigureChild {
    /// The runner's first argument that selects this side.
    public static let command = "plot"

    public static func run(_ arguments: [String], learner: Implementations) -> Never {
        if arguments.dropFirst().first == MaskChild.subcommand { MaskChild.run(arguments, learner: learner) }
        guard arguments.count > 1, let figure = FigureName(rawValue: arguments[1]),
              let out = RunnerSide.option("--out", in: arguments),
              let seed = UInt64(RunnerSide.option("--seed", in: arguments) ?? "42") else {
            RunnerSide.fail("usage: plot NAME --seed S --out FILE [--stand-ins a,b]")
        }
        let pieces = learner.replacing(RunnerSide.standIns(arguments), from: Reference.implementations)
        Pieces.install(pieces)
        RunnerSide.finish(writing: { try figure.figure(seed: seed, using: pieces).encoded() }, to: out)
    }
}
