import Foundation

/// The learner's progress in `.vlm-course/progress.json`, the one reader and writer of that file (the
/// grader records verdicts and hints in it, the lessons read it). This type owns two keys and keeps
/// any others:
/// - `"done"`: ids of the pieces that passed at their latest check, in course order;
/// - `"hints"`: `{id: level}`, how many hint levels each piece has revealed.
public struct CourseProgress {
    public let file: URL
    private var object: [String: Any]

    public enum Failure: Error, CustomStringConvertible {
        case unreadable(String, String)
        public var description: String {
            switch self {
            case .unreadable(let path, let why):
                "cannot read \(path) (\(why)); fix the JSON or delete the file to start fresh"
            }
        }
    }

    public init(root: CourseRoot) throws {
        file = root.stateDirectory.appendingPathComponent("progress.json")
        guard let data = FileManager.default.contents(atPath: file.path), !data.isEmpty else {
            object = [:]
            return
        }
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw Failure.unreadable(file.path, "it is not a JSON object")
            }
            object = parsed
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.unreadable(file.path, "\(error.localizedDescription)")
        }
    }

    /// The pieces that passed at their latest check, in course order; ids the catalog does not know
    /// are ignored.
    public var done: [PieceID] {
        let ids = Set(object["done"] as? [String] ?? [])
        return PieceID.allCases.filter { ids.contains($0.rawValue) }
    }

    public func isDone(_ piece: PieceID) -> Bool { done.contains(piece) }

    public func hintLevel(_ piece: PieceID) -> Int { (object["hints"] as? [String: Int])?[piece.rawValue] ?? 0 }

    public mutating func setHintLevel(_ piece: PieceID, _ level: Int) {
        var hints = object["hints"] as? [String: Int] ?? [:]
        hints[piece.rawValue] = level
        object["hints"] = hints
    }

    /// Records the latest verdict: a passed piece is done, any other status takes it off the list.
    public mutating func record(_ piece: PieceID, passed: Bool) {
        var set = Set(done)
        if passed { set.insert(piece) } else { set.remove(piece) }
        object["done"] = PieceID.allCases.filter { set.contains($0) }.map(\.rawValue)
    }

    public func save() throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: file, options: .atomic)
    }
}
