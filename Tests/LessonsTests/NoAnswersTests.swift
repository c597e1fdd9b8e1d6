import Contracts
import Foundation
import Testing
@testable import Lessons

/// No finished answer before it is earned: every lesson, shown as the learner sees it, holds no line
/// of a piece's reference solution that its stub does not already give, and none of the code its
/// ` reveals= ` fences hide, until that piece has passed; once it has, the hidden code is there.
@Suite struct NoAnswersTests {
    static let root = LessonLoopTests.root
    let lessons: [Lesson]

    init() throws {
        lessons = try LessonLibrary(root: Self.root).lessons()
    }

    /// The code lines of `path`'s region `id` (trailing comments dropped, trimmed).
    static func codeLines(_ id: String, inFile path: String) -> [String] {
        (AnchoredSource.region(id, inFile: TestPaths.packageRoot + "/" + path) ?? "").split(separator: "\n").map(code)
    }

    /// A line of code without its box (`  │ `), its trailing comment and its indent.
    static func code(_ line: Substring) -> String {
        let unboxed = line.range(of: "│ ").map { line[$0.upperBound...] } ?? line
        return (unboxed.range(of: "//").map { unboxed[..<$0.lowerBound] } ?? unboxed).trimmingCharacters(in: .whitespaces)
    }

    /// The reference solution's lines that are an answer: longer than a brace or a keyword, and not
    /// already in the stub (its signature, or a line its comments give).
    static func answerLines(_ piece: PieceID) throws -> [String] {
        let stub = try String(contentsOfFile: TestPaths.packageRoot + "/Stubs/" + piece.info.file.dropFirst("Sources/Exercises/".count),
                              encoding: .utf8)
        return codeLines(piece.rawValue, inFile: "Sources/Solutions/" + piece.info.file.dropFirst("Sources/Exercises/".count))
            .filter { $0.count >= 12 && !stub.contains($0) }
    }

    /// The code each `reveals=` fence of the lessons hides, with the pieces it reveals: its code
    /// lines that no other fence of the lessons shows.
    func revealedCode() -> [(pieces: [PieceID], lines: [String])] {
        let blocks = lessons.map { LessonIncludes.resolve($0, root: Self.root, runCells: false, done: Set(PieceID.allCases)) }
            .flatMap(\.codeBlocks)
        func lines(_ code: CodeBlock) -> [String] { code.body.split(separator: "\n").map(Self.code).filter { $0.count >= 12 } }
        let elsewhere = Set(blocks.filter(\.reveals.isEmpty).flatMap(lines))
        return blocks.filter { !$0.reveals.isEmpty }.map { code in (code.reveals, lines(code).filter { !elsewhere.contains($0) }) }
    }

    func shown(done: Set<PieceID>) -> String {
        lessons.map { LessonLoopTests.render(LessonIncludes.resolve($0, root: Self.root, runCells: false, done: done)) }
            .joined()
    }

    /// The code lines of `text`, to find revealed lines whole (not inside a longer line).
    static func codeLines(of text: String) -> Set<String> { Set(text.split(separator: "\n").map(code)) }

    @Test func everyPieceHasAnswerLinesToLookFor() throws {
        for piece in PieceID.allCases { #expect(try !Self.answerLines(piece).isEmpty, "\(piece.rawValue)") }
        #expect(try Self.answerLines(.causalMask) == ["Mask.upperTriangle(seqLen, seqLen, diagonal: 1)"])
        #expect(revealedCode().contains { $0.pieces == [.vlmMask] && $0.lines.contains("return key > query") })
    }

    /// Every piece in turn is the one not passed: none of its answer is shown anywhere, while every
    /// other piece's revealed code is.
    @Test(arguments: PieceID.allCases)
    func noAnswerForAPieceThatHasNotPassed(piece: PieceID) throws {
        let text = shown(done: Set(PieceID.allCases).subtracting([piece]))
        for line in try Self.answerLines(piece) {
            #expect(!text.contains(line), "the lessons show \(piece.rawValue)'s answer: \(line)")
        }
        let shownLines = Self.codeLines(of: text)
        for (pieces, lines) in revealedCode() {
            for line in lines {
                #expect(shownLines.contains(line) == !pieces.contains(piece), "\(pieces) reveals \(line)")
            }
        }
    }

    @Test func aFreshCourseShowsNoAnswerAtAll() throws {
        let text = shown(done: [])
        for piece in PieceID.allCases {
            for line in try Self.answerLines(piece) { #expect(!text.contains(line), "\(piece.rawValue): \(line)") }
        }
        let shownLines = Self.codeLines(of: text)
        for line in revealedCode().flatMap(\.lines) { #expect(!shownLines.contains(line), "\(line)") }
        #expect(text.contains("Hidden: this code is an answer to vlm-mask."))
    }
}
