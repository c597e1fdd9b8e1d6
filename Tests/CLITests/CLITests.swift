import Foundation
import Testing

@Suite struct CLITests {
    @Test func unknownLessonExitsWithTwoAndSaysWhatToDo() throws {
        let result = try CourseBinary.run(["show", "nope"])
        #expect(result == CourseBinary.Result(
            status: 2, standardOutput: "",
            standardError: "vlm-course: no lesson 'nope'; use one of 1, 2, 3, 3b, 4, 5, 6 or a slug from `vlm-course lessons`\n"))
    }

    @Test func outsideACourseExitsWithTwo() throws {
        let empty = FileManager.default.temporaryDirectory
        let result = try CourseBinary.run(["lessons"], in: empty)
        #expect(result.status == 2)
        #expect(result.standardError == "vlm-course: no course found in \(empty.path) or its parents "
            + "(looking for Package.swift next to Sources/Exercises); run vlm-course inside your course folder, "
            + "or set VLM_COURSE_ROOT\n")
    }

    @Test func malformedLessonNamesTheFile() throws {
        let course = try CourseBinary.makeCourse(lessons: ["01-broken.md": "No heading here.\n"])
        let result = try CourseBinary.run(["show", "1"], in: course)
        #expect(result.status == 2)
        #expect(result.standardError == "vlm-course: lessons/01-broken.md is malformed: it must start with a "
            + "`# Part N: title` heading; fix the file or restore it with `git checkout -- lessons/01-broken.md`\n")
    }

    @Test func lessonsListsAllSix() throws {
        let result = try CourseBinary.run(["lessons"])
        #expect(result.status == 0)
        #expect(result.standardOutput == """
             1  llm-attention         Part 1: LLM attention review  (causal-mask, scaled-dot-product-attention)
             2  vit-basics            Part 2: ViT basics  (patch-embedding, vit-attention)
             3  llava-vlm             Part 3: LLaVA-style VLM  (vlm-mask, vision-projection, vlm-attention)
             3b real-vlm-masks        Part 3b: The masks real VLMs use  (image-block-mask, prefix-lm-mask, sliding-window-mask, gated-cross-attention)
             4  pretrained-attention  Part 4: Attention visualization with a pretrained model  (reading)
             5  comparison            Part 5: Side-by-side comparison  (reading)
             6  interview-questions   Part 6: Interview questions  (reading)

            """)
    }

    @Test func noArgumentsShowsTheMapWithProgress() throws {
        let course = try CourseBinary.makeCourse()
        try FileManager.default.createDirectory(at: course.appendingPathComponent(".vlm-course"), withIntermediateDirectories: true)
        try #"{"done": ["causal-mask", "scaled-dot-product-attention"]}"#
            .write(to: course.appendingPathComponent(".vlm-course/progress.json"), atomically: true, encoding: .utf8)
        let result = try CourseBinary.run([], environment: ["VLM_COURSE_ROOT": course.path])
        #expect(result.status == 0)
        #expect(result.standardOutput == """
            vlm-course: attention in LLMs, ViTs and vision-language models

             1  Part 1: LLM attention review
                  ✓ causal-mask
                  ✓ scaled-dot-product-attention
             2  Part 2: ViT basics
                  ○ patch-embedding
                  ○ vit-attention
             3  Part 3: LLaVA-style VLM
                  ○ vlm-mask
                  ○ vision-projection
                  ○ vlm-attention
             3b Part 3b: The masks real VLMs use
                  ○ image-block-mask
                  ○ prefix-lm-mask
                  ○ sliding-window-mask
                  ○ gated-cross-attention
             4  Part 4: Attention visualization with a pretrained model  (reading)
             5  Part 5: Side-by-side comparison  (reading)
             6  Part 6: Interview questions  (reading)

            2 of 11 exercises done.
            Continue with lesson 2, exercise patch-embedding:
              read    vlm-course show 2
              write   Sources/Exercises/Part2/PatchEmbedding.swift
              check   vlm-course check patch-embedding   (or vlm-course watch)

            """)
    }

    @Test func showRunsCellsInlineAndNoRunSkipsThem() throws {
        let lesson = "# Part 1: Tiny\n\nThe mask $M$:\n\n```swift cell=part1.causal-demo\n```\n"
        let course = try CourseBinary.makeCourse(lessons: ["01-tiny.md": lesson])
        let shown = try CourseBinary.run(["show", "tiny", "--no-run"], in: course, environment: ["COLUMNS": "100"])
        #expect(shown.status == 0)
        #expect(shown.standardOutput == """
            Part 1: Tiny
            ════════════

            The mask M:

              ╭─ cell part1.causal-demo
              │ let seqLen = 8
              │ let causalMask = CausalMask.causalMask(seqLen: seqLen)  // [8, 8], true = masked
              │
              │ out.print("Causal mask for an LLM (1 = cannot attend):")
              │ out.print(MaskDiagram.bits(causalMask))
              │ out.print("(0, 0) masked:", causalMask[0, 0], "- a token sees itself")
              │ out.print("(0, 1) masked:", causalMask[0, 1], "- token 0 cannot see token 1, its future")
              │ out.print("(7, 0) masked:", causalMask[7, 0], "- the last token sees the first")
              │ out.print("masked positions:", causalMask.trueCount, "=", seqLen * (seqLen - 1) / 2)
              ╰─

            """)
        let run = try CourseBinary.run(["show", "1"], in: course, environment: ["COLUMNS": "100"])
        #expect(run.standardOutput.hasPrefix(shown.standardOutput
            + "  ⤷ output of the reference: yours runs here once `vlm-course check causal-mask` passes:\n"
            + "    Causal mask for an LLM (1 = cannot attend):\n    0 1 1 1 1 1 1 1\n"))
        #expect(run.standardOutput.hasSuffix("    masked positions: 28 = 28\n"))
    }

    @Test func outputThatIsNotATerminalHasNoEscapeCodes() throws {
        let result = try CourseBinary.run(["show", "3"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("Part 3: LLaVA-style VLM\n═══════════════════════\n"))
        #expect(!result.standardOutput.contains("\u{1B}"))
        #expect(result.standardOutput.contains("  ⤷ output"))
    }

    @Test func interviewPrintsEightQuestions() throws {
        let result = try CourseBinary.run(["interview", "--plain"])
        #expect(result.status == 0)
        let headings = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("Q") && $0.contains(":") }
        #expect(headings.map { String($0.prefix(3)) } == ["Q1:", "Q2:", "Q3:", "Q4:", "Q5:", "Q6:", "Q7:", "Q8:"])
    }

    @Test func quizWithoutInputStopsCleanly() throws {
        let course = try CourseBinary.makeCourse()
        let result = try CourseBinary.run(["interview", "--quiz"], in: course)
        #expect(result == CourseBinary.Result(status: 0, standardOutput: """

            [1/8] Q1: How does attention differ between LLMs and VLMs?
            Press Enter to see the answer.

            Quiz stopped; 0 of 8 questions known so far.

            """, standardError: ""))
    }

    @Test func quizRemembersAnswersInTheStateFile() throws {
        let course = try CourseBinary.makeCourse()
        let first = try CourseBinary.run(["interview", "--quiz"], in: course, input: "\nk\n\na\n")
        #expect(first.status == 0)
        let saved = try String(contentsOf: course.appendingPathComponent(".vlm-course/quiz.json"), encoding: .utf8)
        #expect(saved == #"{"again":["Q2"],"known":["Q1"]}"#)
        let second = try CourseBinary.run(["interview", "--quiz"], in: course)
        #expect(second.standardOutput.hasPrefix("\n[1/7] Q2: How does LLaVA handle image inputs?\n"))
    }
}
