import Contracts
import Foundation

/// `vlm-course watch`: rechecks the current piece whenever an exercise file is saved (polling
/// modification times), rustlings-style. Keys: h hint, n next, l list, q quit, Enter recheck.
/// Where stdin is not a terminal, lines are read instead (Enter rechecks, q quits).
public struct WatchLoop {
    public let check: CourseCheck
    private let print: (String) -> Void

    public init(check: CourseCheck, print: @escaping (String) -> Void) {
        self.check = check
        self.print = print
    }

    public func run() throws {
        let raw = TerminalMode.enableRaw()
        defer { TerminalMode.restore() }
        var current = try firstPending()
        var stamps = modificationTimes()
        try recheck(current)
        print(help(raw))
        while true {
            guard let input = TerminalMode.read(timeout: 300) else { return }  // EOF
            let latest = modificationTimes()
            if latest != stamps {
                stamps = latest
                try recheck(current)
            }
            for key in input.map({ Character(UnicodeScalar($0)) }) {
                switch key {
                case "q": return
                case "h":
                    let hint = try CourseActions(root: check.root).nextHint(current.rawValue)
                    print("Hint \(hint.level)/\(hint.of) for \(current): \(hint.text)")
                case "n":
                    current = try nextPiece(after: current)
                    try recheck(current)
                case "l": try printList(current)
                case "\n", "\r", "r": try recheck(current)
                default: continue
                }
            }
        }
    }

    private func help(_ raw: Bool) -> String {
        raw ? "watching Sources/Exercises — keys: h hint · n next · l list · Enter recheck · q quit"
            : "watching Sources/Exercises — type h, n, l or q and Enter; Enter alone rechecks"
    }

    private func recheck(_ piece: PieceID) throws {
        let id = piece.rawValue
        print("\n── checking \(id) (\(piece.info.file)) ──")
        let report = try check.run([piece])
        print(ReportRenderer.render(report))
        if report.allPassed { print("🎉 \(id) passes! Press n for the next piece, or compare with `vlm-course solution \(id)`.") }
    }

    private func firstPending() throws -> PieceID {
        let done = Set(try CourseProgress(root: check.root).done)
        return PieceID.allCases.first { !done.contains($0) } ?? PieceID.allCases[0]
    }

    private func nextPiece(after piece: PieceID) throws -> PieceID {
        let done = Set(try CourseProgress(root: check.root).done)
        let pieces = PieceID.allCases
        let start = (pieces.firstIndex(of: piece) ?? 0) + 1
        let rotated = Array(pieces[start...] + pieces[..<start])
        return rotated.first { !done.contains($0) } ?? rotated[0]
    }

    private func printList(_ current: PieceID) throws {
        let done = Set(try CourseProgress(root: check.root).done)
        for e in Catalog.exercises {
            print("\(e.piece == current ? "▶" : " ") \(done.contains(e.piece) ? "✓" : "·") part \(e.part)  \(e.id)")
        }
    }

    /// Modification times of every `.swift` file under `Sources/Exercises`.
    private func modificationTimes() -> [String: Date] {
        let folder = check.root.file("Sources/Exercises")
        var stamps: [String: Date] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey])
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            stamps[url.path] = (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
        }
        return stamps
    }
}
