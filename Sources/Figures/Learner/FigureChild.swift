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
        func option(_ name: String) -> String? {
            arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        }
        guard arguments.count > 1, let figure = FigureName(rawValue: arguments[1]), let out = option("--out"),
              let seed = UInt64(option("--seed") ?? "42") else {
            fail("usage: plot NAME --seed S --out FILE [--stand-ins a,b]")
        }
        let standIns = (option("--stand-ins") ?? "").split(separator: ",").compactMap { PieceID(rawValue: String($0)) }
        let pieces = learner.replacing(standIns, from: Reference.implementations)
        Pieces.install(pieces)
        do {
            try figure.figure(seed: seed, using: pieces).encoded().write(to: URL(fileURLWithPath: out))
        } catch {
            fail("\(error)")
        }
        exit(0)
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
        exit(1)
    }
}
