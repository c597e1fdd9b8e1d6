import Foundation
import Testing
import Contracts
@testable import Lessons

@Suite struct CourseFolderTests {
    /// A course folder with `Package.swift`, `lessons/`, `Sources/Exercises` and a nested `Sources/Deep` folder.
    private func makeCourse() throws -> URL {
        let folder = try TestPaths.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("lessons"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Sources/Deep"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Sources/Exercises"), withIntermediateDirectories: true)
        try "// swift-tools-version:6.0\n".write(to: folder.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func walksUpFromANestedFolder() throws {
        let course = try makeCourse()
        let root = try CourseRoot.locate(environment: [:], currentDirectory: course.path + "/Sources/Deep")
        #expect(root.url.path == course.path)
        #expect(root.path("lessons/01-a.md") == course.path + "/lessons/01-a.md")
    }

    @Test func environmentOverrideWins() throws {
        let course = try makeCourse()
        let root = try CourseRoot.locate(environment: ["VLM_COURSE_ROOT": course.path + "/"], currentDirectory: "/")
        #expect(root.url.path == course.path)
    }

    @Test func overrideThatIsNoCourseIsAnError() throws {
        let empty = try TestPaths.temporaryDirectory().path
        #expect(throws: CourseRoot.Failure.badOverride(empty)) {
            try CourseRoot.locate(environment: ["VLM_COURSE_ROOT": empty], currentDirectory: "/")
        }
    }

    /// One rule for every command: a folder with lessons but no exercises is not a course.
    @Test func lessonsAloneAreNoCourse() throws {
        let folder = try TestPaths.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("lessons"), withIntermediateDirectories: true)
        try "// swift-tools-version:6.0\n".write(to: folder.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        #expect(throws: CourseRoot.Failure.notFound(folder.path)) {
            try CourseRoot.locate(environment: [:], currentDirectory: folder.path)
        }
    }

    @Test func noCourseAboveIsAnError() throws {
        let empty = try TestPaths.temporaryDirectory().path
        #expect(throws: CourseRoot.Failure.notFound(empty)) {
            try CourseRoot.locate(environment: [:], currentDirectory: empty)
        }
    }

    @Test func libraryFindsLessonsByNumberOrSlug() throws {
        let course = try makeCourse()
        for name in ["02b-more.md", "02-second.md", "01-first.md", "notes.txt", "x-no-number.md", "02B-upper.md",
                     "02bc-two-letters.md"] {
            try "# Part: \(name)\n".write(to: course.appendingPathComponent("lessons/" + name), atomically: true, encoding: .utf8)
        }
        let library = try LessonLibrary(root: CourseRoot(course))
        #expect(library.entries.map(\.slug) == ["first", "second", "more"])
        #expect(library.entries.map(\.label) == ["1", "2", "2b"])
        #expect(try library.entry("2").path == "lessons/02-second.md")
        #expect(try library.entry("2b").path == "lessons/02b-more.md")
        #expect(try library.entry("02b").slug == "more")
        #expect(try library.entry("first").number == 1)
        #expect(throws: CourseError.unknownLesson("7", labels: ["1", "2", "2b"])) { try library.entry("7") }
        #expect(CourseError.unknownLesson("7", labels: ["1", "2", "2b"]).description
            == "no lesson '7'; use one of 1, 2, 2b or a slug from `vlm-course lessons`")
        #expect(try library.lesson(library.entry("2b")).label == "2b")
        #expect(try library.lesson(library.entry("01")).title == "Part: 01-first.md")
    }

    @Test func lessonWithoutTitleIsMalformed() throws {
        let course = try makeCourse()
        try "Just text.\n".write(to: course.appendingPathComponent("lessons/01-bad.md"), atomically: true, encoding: .utf8)
        let library = try LessonLibrary(root: CourseRoot(course))
        #expect(throws: CourseError.malformed(path: "lessons/01-bad.md", reason: "it must start with a `# Part N: title` heading")) {
            try library.lesson(library.entry("1"))
        }
    }
}
