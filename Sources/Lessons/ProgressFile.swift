#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Which exercises are done, read from `.vlm-course/progress.json` in the course root.
///
/// The grader writes the file; this side only reads it. Format (other keys are ignored):
///
/// ```json
/// { "done": ["causal-mask", "scaled-dot-product-attention"] }
/// ```
public enum ProgressFile {
    /// The file's path relative to the course root.
    public static let relativePath = ".vlm-course/progress.json"

    private struct Stored: Decodable {
        var done: [String]
    }

    /// Every exercise id of `CourseOutline` mapped to whether it is done; all `false` when the file
    /// does not exist.
    /// - Throws: `CourseError.malformed` when the file is not a JSON object with a `done` list.
    public static func load(root: CourseFolder) throws(CourseError) -> [String: Bool] {
        var progress = Dictionary(uniqueKeysWithValues: CourseOutline.exercises.map { ($0.id, false) })
        guard let data = FileManager.default.contents(atPath: root.path(relativePath)) else { return progress }
        guard let stored = try? JSONDecoder().decode(Stored.self, from: data) else {
            throw .malformed(path: relativePath, reason: #"expected {"done": ["exercise-id", …]}"#)
        }
        for id in stored.done where progress[id] != nil { progress[id] = true }
        return progress
    }
}
