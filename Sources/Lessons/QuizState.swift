import Contracts
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the learner said about each interview question, kept in `.vlm-course/quiz.json`:
///
/// ```json
/// { "known": ["Q1", "Q4"], "again": ["Q2"] }
/// ```
public struct QuizState: Codable, Equatable, Sendable {
    /// The file's path relative to the course root.
    public static let relativePath = ".vlm-course/quiz.json"

    /// Questions the learner could answer.
    public var known: [String] = []
    /// Questions to ask again.
    public var again: [String] = []

    /// A state with the given marks.
    public init(known: [String] = [], again: [String] = []) {
        self.known = known
        self.again = again
    }

    /// Records `answer` for `id`, replacing any earlier mark.
    public mutating func mark(_ id: String, known isKnown: Bool) {
        known.removeAll { $0 == id }
        again.removeAll { $0 == id }
        if isKnown { known.append(id) } else { again.append(id) }
    }

    /// The saved state of `root`, or an empty one when there is none.
    /// - Throws: `CourseError.malformed` when the file is not valid.
    public static func load(root: CourseRoot) throws(CourseError) -> QuizState {
        guard let data = FileManager.default.contents(atPath: root.path(relativePath)) else { return QuizState() }
        guard let state = try? JSONDecoder().decode(QuizState.self, from: data) else {
            throw .malformed(path: relativePath, reason: #"expected {"known": [...], "again": [...]}"#)
        }
        return state
    }

    /// Writes the state into `root`, creating `.vlm-course/` when needed.
    /// - Throws: `CourseError.unreadable` when the file cannot be written.
    public func save(root: CourseRoot) throws(CourseError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            try FileManager.default.createDirectory(atPath: root.path(".vlm-course"), withIntermediateDirectories: true)
            try encoder.encode(self).write(to: URL(fileURLWithPath: root.path(Self.relativePath)))
        } catch {
            throw .unreadable(path: Self.relativePath)
        }
    }
}
