import Foundation
import Testing
@testable import Lessons

@Suite struct ProgressAndMapTests {
    private func root(progress: String?) throws -> CourseFolder {
        let folder = try TestPaths.temporaryDirectory()
        if let progress {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(".vlm-course"), withIntermediateDirectories: true)
            try progress.write(to: folder.appendingPathComponent(ProgressFile.relativePath), atomically: true, encoding: .utf8)
        }
        return CourseFolder(path: folder.path)
    }

    @Test func noFileMeansNothingDone() throws {
        let progress = try ProgressFile.load(root: root(progress: nil))
        #expect(progress.count == 7)
        #expect(progress.values.allSatisfy { !$0 })
    }

    @Test func doneListMarksKnownExercisesOnly() throws {
        let progress = try ProgressFile.load(root: root(progress: #"{"done": ["causal-mask", "not-an-exercise"], "extra": 1}"#))
        #expect(progress.filter(\.value).map(\.key) == ["causal-mask"])
        #expect(progress["not-an-exercise"] == nil)
    }

    @Test func malformedFileIsAnError() throws {
        let broken = try root(progress: "[1, 2]")
        #expect(throws: CourseError.malformed(path: ".vlm-course/progress.json", reason: #"expected {"done": ["exercise-id", …]}"#)) {
            try ProgressFile.load(root: broken)
        }
    }

    @Test func mapShowsMarksAndWhereToContinue() throws {
        let lessons = [
            Lesson(number: 1, slug: "a", title: "Part 1: A", blocks: try LessonParser.parse(
                "```swift exercise=causal-mask\n```\n```swift exercise=scaled-dot-product-attention\n```\n")),
            Lesson(number: 2, slug: "b", title: "Part 2: B", blocks: []),
        ]
        let text = StyledText.string(CourseMap.lines(lessons: lessons, progress: ["causal-mask": true]), color: false)
        #expect(text == """
            vlm-course: attention in LLMs, ViTs and vision-language models

             1  Part 1: A
                  ✓ causal-mask
                  ○ scaled-dot-product-attention
             2  Part 2: B  (reading)

            1 of 2 exercises done.
            Continue with lesson 1, exercise scaled-dot-product-attention:
              read    vlm-course show 1
              write   Sources/Exercises/Part1/ScaledDotProductAttention.swift

            """)
        let finished = CourseMap.lines(lessons: lessons, progress: ["causal-mask": true, "scaled-dot-product-attention": true])
        #expect(StyledText.string(Array(finished.suffix(1)), color: false)
            == "Every exercise is done. Practise explaining it: vlm-course interview --quiz\n")
    }
}
