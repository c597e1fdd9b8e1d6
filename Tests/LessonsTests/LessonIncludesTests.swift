import Demos
import Foundation
import Testing
import Contracts
@testable import Lessons

@Suite struct LessonIncludesTests {
    private func lesson(_ markdown: String) throws -> Lesson {
        Lesson(number: 1, slug: "t", title: "T", blocks: try LessonParser.parse(markdown))
    }

    private func codeBlocks(_ lesson: Lesson) -> [CodeBlock] { lesson.codeBlocks }

    @Test func missingStubShowsCodeNotFound() throws {
        let root = CourseRoot(try TestPaths.temporaryDirectory())
        let resolved = LessonIncludes.resolve(try lesson("```swift exercise=causal-mask\n```\n"), root: root, runCells: false)
        #expect(resolved.codeBlocks[0].body == "(code not found: Sources/Exercises/Part1/CausalMask.swift, anchor causal-mask)\n")
        #expect(resolved.codeBlocks[0].origin == "Sources/Exercises/Part1/CausalMask.swift")
    }

    @Test func stubRegionIsIncluded() throws {
        let folder = try TestPaths.temporaryDirectory()
        let stubFolder = folder.appendingPathComponent("Sources/Exercises/Part3")
        try FileManager.default.createDirectory(at: stubFolder, withIntermediateDirectories: true)
        try "// ANCHOR: vlm-mask\n    func mask() {}\n// ANCHOR_END: vlm-mask\n"
            .write(to: stubFolder.appendingPathComponent("VLMMask.swift"), atomically: true, encoding: .utf8)
        let resolved = LessonIncludes.resolve(try lesson("```swift exercise=vlm-mask\n```\n"),
                                              root: CourseRoot(folder), runCells: false)
        #expect(resolved.codeBlocks[0].body == "func mask() {}\n")
    }

    @Test func unknownIDsSayWhatIsMissing() throws {
        let root = CourseRoot(URL(fileURLWithPath: TestPaths.packageRoot))
        let resolved = LessonIncludes.resolve(try lesson("```swift exercise=nope\n```\n\n```swift cell=part9.none\n```\n"),
                                              root: root, runCells: true)
        #expect(resolved.codeBlocks.map(\.body) == ["(code not found: no exercise named nope)\n",
                                                    "(code not found: no demo cell named part9.none)\n"])
        #expect(resolved.codeBlocks[1].output == nil)
    }

    @Test func cellsShowTheirAnchoredCodeAndRunOnlyWhenAsked() throws {
        let root = CourseRoot(URL(fileURLWithPath: TestPaths.packageRoot))
        let markdown = "- item\n\n  ```swift cell=part1.causal-demo\n  ```\n"
        let shown = LessonIncludes.resolve(try lesson(markdown), root: root, runCells: false).codeBlocks[0]
        #expect(shown.body.hasPrefix("let seqLen = 8\nlet causalMask = CausalMask.causalMask(seqLen: seqLen)"))
        #expect(shown.origin == nil)
        #expect(shown.output == nil)
        let run = LessonIncludes.resolve(try lesson(markdown), root: root, runCells: true).codeBlocks[0]
        #expect(run.output == DemoCells.run("part1.causal-demo"))
    }
}
