import Contracts
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
        func option(_ name: String) -> String? {
            arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        }
        guard arguments.count > 1, let cell = DemoCells.cell(arguments[1]), let out = option("--out"),
              let width = Int(option("--width") ?? "80"), width > 0 else {
            fail("usage: cell ID --width W [--color] --out FILE [--stand-ins a,b]")
        }
        let standIns = (option("--stand-ins") ?? "").split(separator: ",").compactMap { PieceID(rawValue: String($0)) }
        let text = cell.run(with: learner.replacing(standIns, from: Reference.implementations),
                            color: arguments.contains("--color"), width: width)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out))
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
