import Contracts
import Demos
import Foundation
import Testing
@testable import Lessons

/// The learner's loop on the page: a footer under every exercise, answers hidden until their piece
/// passes, and cells that say whose code made their output.
@Suite struct LessonLoopTests {
    static let root = CourseRoot(URL(fileURLWithPath: TestPaths.packageRoot))

    static func render(_ lesson: Lesson, width: Int = 100) -> String {
        StyledText.string(LessonRenderer(width: width, plain: true).lines(for: lesson.blocks), color: false)
    }

    static func lesson(_ markdown: String) throws -> Lesson {
        Lesson(number: 1, slug: "t", title: "T", blocks: try LessonParser.parse(markdown))
    }

    /// A learner runner that records the cells it was asked for and answers with `output`.
    final class FakeLearner: @unchecked Sendable {
        var calls: [String] = []
        var output = "mine\n"
        var reference: Set<PieceID> = []
        var failure: (any Error)?

        var run: LearnerCellRun {
            { [self] cell, _, _ in
                calls.append(cell)
                if let failure { throw failure }
                return (output, reference)
            }
        }
    }

    @Test func everyExerciseOfEveryLessonEndsWithItsFileAndCommands() throws {
        for lesson in try LessonLibrary(root: Self.root).lessons() {
            let text = Self.render(LessonIncludes.resolve(lesson, root: Self.root, runCells: false))
            for id in lesson.exerciseIDs {
                let exercise = try #require(Catalog.exercise(id))
                let footer = "  ╰─\n\n    write   \(exercise.file)\n    check   vlm-course check \(id)\n"
                    + "    watch   vlm-course watch   (rechecks on every save)\n"
                    + "    hint    vlm-course hint \(id)   (one more hint each time)\n"
                #expect(text.contains(footer), "lesson \(lesson.number) has no footer under \(id)")
            }
        }
    }

    @Test func revealedCodeIsHiddenUntilItsPiecePasses() throws {
        let lesson = try Self.lesson("```swift reveals=vlm-mask\nlet answer = 42\n```\n\n```swift cell=part3.prefix-mask reveals=vlm-mask,causal-mask\n```\n")
        let hidden = LessonIncludes.resolve(lesson, root: Self.root, runCells: true, done: [.causalMask])
        #expect(hidden.codeBlocks.map(\.locked) == [[.vlmMask], [.vlmMask]])
        #expect(hidden.codeBlocks.allSatisfy { $0.body.isEmpty && $0.output == nil })
        #expect(Self.render(hidden) == """
              ╭─ swift · hidden
              │ Hidden: this code is an answer to vlm-mask.
              │ Predict what it does, write your own, and it appears here
              │ once `vlm-course check vlm-mask` passes.
              ╰─

              ╭─ cell part3.prefix-mask · hidden
              │ Hidden: this code is an answer to vlm-mask.
              │ Predict what it does, write your own, and it appears here
              │ once `vlm-course check vlm-mask` passes.
              ╰─

            """)
        let none = LessonIncludes.resolve(lesson, root: Self.root, runCells: false)
        #expect(Self.render(none).contains("answer to causal-mask and vlm-mask.\n  │ Predict what it does, write your own, "
            + "and it appears here\n  │ once causal-mask and vlm-mask pass `vlm-course check`.\n"))
        let shown = LessonIncludes.resolve(lesson, root: Self.root, runCells: true, done: [.vlmMask, .causalMask])
        #expect(shown.codeBlocks[0].body == "let answer = 42\n" && shown.codeBlocks[0].locked.isEmpty)
        #expect(shown.codeBlocks[1].body.contains("let prefixMask = Mask(shape: [nImage + nText, nImage + nText])"))
        #expect(shown.codeBlocks[1].output?.hasSuffix("masked positions: 22 = 16 + 6\n") == true)
    }

    @Test func cellsRunTheReferenceInProcessWhileNothingTheyUseHasPassed() throws {
        let lesson = try Self.lesson("```swift cell=part1.causal-attention\n```\n\n```swift cell=part2.patch-grid\n```\n")
        let learner = FakeLearner()
        let resolved = LessonIncludes.resolve(lesson, root: Self.root, runCells: true, done: [.vlmMask], learner: learner.run)
        #expect(learner.calls.isEmpty)
        #expect(resolved.codeBlocks.map(\.output) == [DemoCells.run("part1.causal-attention"), DemoCells.run("part2.patch-grid")])
        #expect(resolved.codeBlocks.map(\.outputSource) == [
            "of the reference: yours runs here once causal-mask and scaled-dot-product-attention pass `vlm-course check`",
            nil,
        ])
        #expect(Self.render(resolved, width: 60).contains("""
              ⤷ output of the reference: yours runs here once
                  causal-mask and scaled-dot-product-attention pass
                  `vlm-course check`:
                upper triangle all zero: true
            """))
    }

    /// (cell, done, the pieces the runner says the reference stood in for, the label).
    static let learnerCases: [(String, [PieceID], [PieceID], String)] = [
        ("part1.causal-demo", [.causalMask], [], "of your causal-mask"),
        ("part1.causal-attention", [.causalMask], [.attention], "of your causal-mask, with the reference scaled-dot-product-attention"),
        ("part2.vit-attention", [.attention], [.vitAttention], "of your scaled-dot-product-attention, with the reference vit-attention"),
        ("part3.vlm-attention", [.vlmAttention, .vlmMask, .attention], [], "of your scaled-dot-product-attention, vlm-mask and vlm-attention"),
        ("part3.vlm-attention", [.vlmMask], [.attention, .vlmAttention], "of your vlm-mask, with the reference scaled-dot-product-attention and vlm-attention"),
        ("part1.causal-demo", [.causalMask], [.causalMask], "of the reference (your code did not build: see `vlm-course check`)"),
    ]

    @Test(arguments: learnerCases)
    func cellsRunTheLearnersPiecesOnceOneHasPassed(cell: String, done: [PieceID], reference: [PieceID], source: String) throws {
        let learner = FakeLearner()
        learner.reference = Set(reference)
        let resolved = LessonIncludes.resolve(try Self.lesson("```swift cell=\(cell)\n```\n"), root: Self.root, runCells: true,
                                              done: Set(done), learner: learner.run)
        #expect(learner.calls == [cell])
        #expect(resolved.codeBlocks[0].output == "mine\n")
        #expect(resolved.codeBlocks[0].outputSource == source)
    }

    struct Stopped: Error, CustomStringConvertible {
        var description: String { "your code stopped before the result was ready: it crashed" }
    }

    @Test func aLearnerRunThatFailsShowsWhyInPlaceOfTheOutput() throws {
        let learner = FakeLearner()
        learner.failure = Stopped()
        let resolved = LessonIncludes.resolve(try Self.lesson("```swift cell=part1.causal-demo\n```\n"), root: Self.root,
                                              runCells: true, done: [.causalMask], learner: learner.run)
        #expect(resolved.codeBlocks[0].output == "your code stopped before the result was ready: it crashed\n")
        #expect(resolved.codeBlocks[0].outputSource == "of your code, which did not finish")
    }
}
