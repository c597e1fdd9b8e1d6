import Foundation
import Testing
@testable import Lessons

@Suite struct CourseFolderTests {
    /// A course folder with `Package.swift`, `lessons/` and a nested `Sources/Deep` folder.
    private func makeCourse() throws -> URL {
        let folder = try TestPaths.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("lessons"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Sources/Deep"), withIntermediateDirectories: true)
        try "// swift-tools-version:6.0\n".write(to: folder.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func walksUpFromANestedFolder() throws {
        let course = try makeCourse()
        let root = try CourseFolder.locate(environment: [:], currentDirectory: course.path + "/Sources/Deep")
        #expect(root.path == course.path)
        #expect(root.path("lessons/01-a.md") == course.path + "/lessons/01-a.md")
    }

    @Test func environmentOverrideWins() throws {
        let course = try makeCourse()
        let root = try CourseFolder.locate(environment: ["VLM_COURSE_ROOT": course.path + "/"], currentDirectory: "/")
        #expect(root.path == course.path)
    }

    @Test func overrideWithoutLessonsIsAnError() throws {
        let empty = try TestPaths.temporaryDirectory().path
        #expect(throws: CourseError.badRootOverride(empty)) {
            try CourseFolder.locate(environment: ["VLM_COURSE_ROOT": empty], currentDirectory: "/")
        }
    }

    @Test func noCourseAboveIsAnError() throws {
        let empty = try TestPaths.temporaryDirectory().path
        #expect(throws: CourseError.rootNotFound(start: empty)) {
            try CourseFolder.locate(environment: [:], currentDirectory: empty)
        }
    }

    @Test func libraryFindsLessonsByNumberOrSlug() throws {
        let course = try makeCourse()
        for name in ["02-second.md", "01-first.md", "notes.txt", "x-no-number.md"] {
            try "# Part: \(name)\n".write(to: course.appendingPathComponent("lessons/" + name), atomically: true, encoding: .utf8)
        }
        let library = try LessonLibrary(root: CourseFolder(path: course.path))
        #expect(library.entries.map(\.slug) == ["first", "second"])
        #expect(try library.entry("2").path == "lessons/02-second.md")
        #expect(try library.entry("first").number == 1)
        #expect(throws: CourseError.unknownLesson("7", count: 2)) { try library.entry("7") }
        #expect(try library.lesson(library.entry("01")).title == "Part: 01-first.md")
    }

    @Test func lessonWithoutTitleIsMalformed() throws {
        let course = try makeCourse()
        try "Just text.\n".write(to: course.appendingPathComponent("lessons/01-bad.md"), atomically: true, encoding: .utf8)
        let library = try LessonLibrary(root: CourseFolder(path: course.path))
        #expect(throws: CourseError.malformed(path: "lessons/01-bad.md", reason: "it must start with a `# Part N: title` heading")) {
            try library.lesson(library.entry("1"))
        }
    }
}
