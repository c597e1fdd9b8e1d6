import Testing
@testable import Lessons

@Suite struct LessonParserTests {
    let blocks: [Block]

    init() throws {
        blocks = try LessonParser.parse(try TestPaths.fixture("everything.md"))
    }

    @Test func headingsKeepTheirLevels() {
        #expect(blocks[0] == .heading(level: 1, [.text("Everything: a fixture lesson")]))
        #expect(blocks[2] == .heading(level: 2, [.text("Lists")]))
        #expect(blocks[6] == .heading(level: 3, [.text("Code")]))
    }

    @Test func paragraphHasEveryInline() {
        let expected: [Inline] = [
            .text("A paragraph with "), .emphasis([.text("emphasis")]), .text(", "), .strong([.text("strong")]),
            .text(", "), .code("inline code"), .text(", a "), .link(destination: "https://example.com/docs", [.text("link")]),
            .softBreak, .text("and a formula "), .math(#"\frac{QK^T}{\sqrt{d_k}}"#), .text(" inside it."),
            .lineBreak, .text("After a hard break, a lone $ sign stays text."),
        ]
        #expect(blocks[1] == .paragraph(expected))
    }

    @Test func listsNestAndOrderedListsKeepTheirStart() {
        let nested = Block.list(ordered: false, start: 0, items: [
            [.paragraph([.text("nested bullet with "), .code("code")])],
        ])
        #expect(blocks[3] == .list(ordered: false, start: 0, items: [
            [.paragraph([.text("first bullet")])],
            [.paragraph([.text("second bullet")]), nested],
            [.paragraph([.text("third bullet")])],
        ]))
        #expect(blocks[4] == .list(ordered: true, start: 3, items: [
            [.paragraph([.text("third")])], [.paragraph([.text("fourth")])],
        ]))
    }

    @Test func blockQuoteHoldsBlocks() {
        #expect(blocks[5] == .blockQuote([.paragraph([.text("A block quote with "), .strong([.text("strong")]), .text(" text.")])]))
    }

    @Test func fencesGetTheirRoles() {
        let codes = blocks.compactMap { if case .code(let code) = $0 { code } else { nil } }
        #expect(codes.map(\.role) == [.listing, .listing, .exercise("causal-mask"), .cell("part1.causal-demo"), .math, .table])
        #expect(codes.map(\.language) == ["swift", "text", "swift", "swift", "math", "table"])
        #expect(codes[0].body == "// A comment\nlet answer = 42 + Int(\"7\")!\n")
        #expect(codes[3].body == "")
    }

    @Test func breakAndHTMLComeLast() {
        #expect(blocks.suffix(2) == [.thematicBreak, .html("<!-- an HTML comment -->\n")])
        #expect(blocks.count == 15)
    }

    @Test func lessonCollectsExercisesAndCells() {
        let lesson = Lesson(number: 1, slug: "everything", title: "Everything", blocks: blocks)
        #expect(lesson.exerciseIDs == ["causal-mask"])
        #expect(lesson.cellIDs == ["part1.causal-demo"])
    }

    @Test func unknownFenceAttributeIsAnError() {
        #expect(throws: LessonFormatError(reason: "code fence `swift solution=x`: unknown attribute `solution` (use exercise=, cell= or reveals=)")) {
            try LessonParser.parse("```swift solution=x\n```\n")
        }
        #expect(throws: LessonFormatError(reason: "code fence `swift exercise`: expected key=value, found `exercise`")) {
            try LessonParser.parse("```swift exercise\n```\n")
        }
    }

    @Test func revealsNamesPiecesOfTheCatalog() throws {
        let blocks = try LessonParser.parse("```swift cell=part3.prefix-mask reveals=vlm-mask,causal-mask\n```\n")
        guard case .code(let code)? = blocks.first else { Issue.record("no code block"); return }
        #expect(code.role == .cell("part3.prefix-mask"))
        #expect(code.reveals == [.vlmMask, .causalMask])
        #expect(code.locked == [])
    }

    @Test func revealsOfAnUnknownPieceOrOnAnExerciseIsAnError() {
        #expect(throws: LessonFormatError(reason: "code fence `swift reveals=vlm-mask,nope`: reveals=vlm-mask,nope names no piece "
            + "`nope` (use one of causal-mask, scaled-dot-product-attention, patch-embedding, vit-attention, vlm-mask, "
            + "vision-projection, vlm-attention, image-block-mask, prefix-lm-mask, sliding-window-mask, gated-cross-attention)")) {
            try LessonParser.parse("```swift reveals=vlm-mask,nope\n```\n")
        }
        #expect(throws: LessonFormatError(reason: "code fence `swift exercise=vlm-mask reveals=vlm-mask`: an exercise is the "
            + "learner's own code; reveals= is for code that shows an answer")) {
            try LessonParser.parse("```swift exercise=vlm-mask reveals=vlm-mask\n```\n")
        }
    }

    @Test func raggedTableIsAnError() {
        #expect(throws: LessonFormatError(reason: "table row 2 has 1 cells, the header has 2")) {
            try LessonParser.parse("```table\na | b\nc\n```\n")
        }
    }

    @Test func tableRowsDropSeparatorsAndOuterPipes() throws {
        #expect(try TableParser.rows("| a | b |\n|---|:-:|\n| c | d |\n\n") == [["a", "b"], ["c", "d"]])
    }
}
