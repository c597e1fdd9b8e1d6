import Foundation
import Testing
import Contracts
@testable import Lessons

@Suite struct ProgressAndMapTests {
    private func root(progress: String?) throws -> CourseRoot {
        let folder = try TestPaths.temporaryDirectory()
        if let progress {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(".vlm-course"), withIntermediateDirectories: true)
            try progress.write(to: folder.appendingPathComponent(".vlm-course/progress.json"), atomically: true, encoding: .utf8)
        }
        return CourseRoot(folder)
    }

    @Test func noFileMeansNothingDone() throws {
        #expect(try root(progress: nil).donePieces().isEmpty)
    }

    @Test func doneListMarksKnownExercisesOnly() throws {
        let done = try root(progress: #"{"done": ["causal-mask", "not-an-exercise"], "extra": 1}"#).donePieces()
        #expect(done == [.causalMask])
    }

    @Test func malformedFileIsAnError() throws {
        let broken = try root(progress: "[1, 2]")
        #expect(throws: CourseError.self) { try broken.donePieces() }
        do { _ = try broken.donePieces() } catch {
            #expect(error.description.hasPrefix(".vlm-course/progress.json is malformed: cannot read "))
            #expect(error.description.contains("it is not a JSON object"))
        }
    }

    @Test func mapShowsMarksAndWhereToContinue() throws {
        let lessons = [
            Lesson(number: 1, slug: "a", title: "Part 1: A", blocks: try LessonParser.parse(
                "```swift exercise=causal-mask\n```\n```swift exercise=scaled-dot-product-attention\n```\n")),
            Lesson(number: 2, slug: "b", title: "Part 2: B", blocks: []),
        ]
        let text = StyledText.string(CourseMap.lines(lessons: lessons, done: [.causalMask]), color: false)
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
              check   vlm-course check scaled-dot-product-attention   (or vlm-course watch)

            """)
        let finished = CourseMap.lines(lessons: lessons, done: [.causalMask, .attention])
        #expect(StyledText.string(Array(finished.suffix(1)), color: false)
            == "Every exercise is done. Practise explaining it: vlm-course interview --quiz\n")
    }
}
