import Contracts
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The lesson files of a course: `lessons/NN-slug.md`, sorted by number; a part's further lesson
/// files carry a letter after the number (`03b-slug.md`, shown as lesson 3b).
public struct LessonLibrary: Sendable {
    /// A lesson file before it is parsed.
    public struct Entry: Equatable, Sendable {
        /// The `NN` prefix of the file name: the notebook part.
        public var number: Int
        /// The letter after the number (`b` in `03b-…`), empty for a part's first lesson file.
        public var suffix: String = ""
        /// The file name between `NN-` and `.md`.
        public var slug: String
        /// Relative to the course root, e.g. `lessons/02-vit-basics.md`.
        public var path: String

        /// How commands name it: `3`, `3b`.
        public var label: String { "\(number)\(suffix)" }
    }

    /// The course folder the lessons belong to.
    public let root: CourseRoot
    /// The lesson files, sorted by number, then letter.
    public let entries: [Entry]

    /// Lists `lessons/` of `root`; other files there are ignored.
    /// - Throws: `CourseError.unreadable` when the folder cannot be listed.
    public init(root: CourseRoot) throws(CourseError) {
        self.root = root
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path("lessons")) else {
            throw .unreadable(path: "lessons/")
        }
        entries = names.compactMap(Self.entry).sorted { ($0.number, $0.suffix) < ($1.number, $1.suffix) }
    }

    private static func entry(fileName: String) -> Entry? {
        guard fileName.hasSuffix(".md"), let dash = fileName.firstIndex(of: "-") else { return nil }
        let prefix = fileName[..<dash]
        let digits = prefix.prefix { $0.isASCII && $0.isNumber }, suffix = prefix.dropFirst(digits.count)
        guard let number = Int(digits), suffix.allSatisfy({ $0.isASCII && $0.isLowercase }), suffix.count <= 1 else {
            return nil
        }
        let slug = fileName[fileName.index(after: dash)...].dropLast(3)
        return Entry(number: number, suffix: String(suffix), slug: String(slug), path: "lessons/" + fileName)
    }

    /// The entry for a label (`3`, `03`, `3b`) or a slug (`vit-basics`); a number alone names the
    /// part's first lesson file.
    /// - Throws: `CourseError.unknownLesson`.
    public func entry(_ selector: String) throws(CourseError) -> Entry {
        let label = selector.drop { $0 == "0" && selector.count > 1 }
        let match = entries.first { $0.label == label || $0.slug == selector }
        guard let entry = match else { throw .unknownLesson(selector, labels: entries.map(\.label)) }
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
        return Lesson(number: entry.number, suffix: entry.suffix, slug: entry.slug, title: Inline.plainText(title),
                      blocks: blocks)
    }

    /// Every lesson, parsed, in order.
    public func lessons() throws(CourseError) -> [Lesson] {
        var result: [Lesson] = []
        for entry in entries { result.append(try lesson(entry)) }
        return result
    }
}
