import Foundation

/// The learner's progress in `.vlm-course/progress.json`: a JSON object shared with the lessons
/// (which keep their own keys in it, e.g. quiz state). This type owns two keys and keeps the rest:
/// - `"done"`: ids of the pieces that passed at their latest check, in course order;
/// - `"hints"`: `{id: level}`, how many hint levels each piece has revealed.
public struct Progress {
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

    public var done: [String] { object["done"] as? [String] ?? [] }

    public func hintLevel(_ id: String) -> Int { (object["hints"] as? [String: Int])?[id] ?? 0 }

    public mutating func setHintLevel(_ id: String, _ level: Int) {
        var hints = object["hints"] as? [String: Int] ?? [:]
        hints[id] = level
        object["hints"] = hints
    }

    /// Records the latest verdict: a passed piece is done, any other status takes it off the list.
    public mutating func record(_ id: String, passed: Bool, courseOrder: [String]) {
        var set = Set(done)
        if passed { set.insert(id) } else { set.remove(id) }
        object["done"] = courseOrder.filter { set.contains($0) }
    }

    public func save() throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: file, options: .atomic)
    }
}
