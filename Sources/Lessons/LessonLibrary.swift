import Contracts
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The lesson files of a course: `lessons/NN-slug.md`, sorted by number.
public struct LessonLibrary: Sendable {
    /// A lesson file before it is parsed.
    public struct Entry: Equatable, Sendable {
        /// The `NN` prefix of the file name.
        public var number: Int
        /// The file name between `NN-` and `.md`.
        public var slug: String
        /// Relative to the course root, e.g. `lessons/02-vit-basics.md`.
        public var path: String
    }

    /// The course folder the lessons belong to.
    public let root: CourseRoot
    /// The lesson files, sorted by number.
    public let entries: [Entry]

    /// Lists `lessons/` of `root`; other files there are ignored.
    /// - Throws: `CourseError.unreadable` when the folder cannot be listed.
    public init(root: CourseRoot) throws(CourseError) {
        self.root = root
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path("lessons")) else {
            throw .unreadable(path: "lessons/")
        }
        entries = names.compactMap(Self.entry).sorted { $0.number < $1.number }
    }

    private static func entry(fileName: String) -> Entry? {
        guard fileName.hasSuffix(".md"), let dash = fileName.firstIndex(of: "-"),
              let number = Int(fileName[..<dash]) else { return nil }
        let slug = fileName[fileName.index(after: dash)...].dropLast(3)
        return Entry(number: number, slug: String(slug), path: "lessons/" + fileName)
    }

    /// The entry for a number (`3`, `03`) or a slug (`vit-basics`).
    /// - Throws: `CourseError.unknownLesson`.
    public func entry(_ selector: String) throws(CourseError) -> Entry {
        let number = Int(selector)
        let match = entries.first { number == nil ? $0.slug == selector : $0.number == number }
        guard let entry = match else { throw .unknownLesson(selector, count: entries.count) }
        return entry
    }

    /// Reads and parses one lesson.
    /// - Throws: `CourseError.unreadable`, or `.malformed` when it does not start with a `#` heading
    ///   or a fence is invalid.
    public func lesson(_ entry: Entry) throws(CourseError) -> Lesson {
        guard let data = FileManager.default.contents(atPath: root.path(entry.path)) else {
            throw .unreadable(path: entry.path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .malformed(path: entry.path, reason: "it is not UTF-8 text")
        }
        let blocks: [Block]
        do { blocks = try LessonParser.parse(text) } catch { throw .malformed(path: entry.path, reason: error.reason) }
        guard case .heading(level: 1, let title)? = blocks.first else {
            throw .malformed(path: entry.path, reason: "it must start with a `# Part N: title` heading")
        }
        return Lesson(number: entry.number, slug: entry.slug, title: Inline.plainText(title), blocks: blocks)
    }

    /// Every lesson, parsed, in order.
    public func lessons() throws(CourseError) -> [Lesson] {
        var result: [Lesson] = []
        for entry in entries { result.append(try lesson(entry)) }
        return result
    }
}
