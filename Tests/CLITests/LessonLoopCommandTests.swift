import Foundation
import Grader
import Contracts
import Testing
import TestSupport

/// `vlm-course show N --plain` on a course copy, as the learner runs it: answers hidden until their
/// piece passes (the progress file decides), cells run the reference until then and the learner's own
/// code after, through the learner's runner.
@Suite struct LessonLoopCommandTests {
    /// Finished answers that must not appear before their piece passes, with the piece.
    static let answers = [
        ("causal-mask", "Mask.upperTriangle(seqLen, seqLen, diagonal: 1)"),
        ("vlm-mask", "if query < nImage { return true }"),
        ("vlm-mask", "for j in nImage..<total { mask[i, j] = true }"),
    ]

    static func show(_ lesson: String, in course: URL) throws -> CourseBinary.Result {
        let noCache = FileManager.default.temporaryDirectory.appendingPathComponent("vlm-empty-cache-\(UUID().uuidString)")
        return try CourseBinary.run(["show", "\(lesson)", "--plain"], environment: [
            "VLM_COURSE_ROOT": course.path, "PATH": CourseBinary.toolPath, "VLM_COURSE_CACHE": noCache.path,
        ])
    }

    static func markDone(_ pieces: [String], in course: URL) throws {
        try FileManager.default.createDirectory(at: course.appendingPathComponent(".vlm-course"), withIntermediateDirectories: true)
        let list = pieces.map { "\"\($0)\"" }.joined(separator: ", ")
        try Data("{\"done\": [\(list)]}".utf8).write(to: course.appendingPathComponent(".vlm-course/progress.json"))
    }

    /// Each cell's output header and lines (`  ⤷ output …` up to the next unindented line), by cell id.
    static func cellOutputs(_ text: String) -> [String: (header: String, lines: [String])] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var outputs: [String: (String, [String])] = [:]
        var cell: String?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("  ╭─ cell ") { cell = String(line.dropFirst(10)) }
            if line.hasPrefix("  ⤷ output"), let id = cell {
                var header = line
                index += 1
                // A header that names whose code ran ends with a colon, after its wrapped lines.
                while header != "  ⤷ output", !header.hasSuffix(":"), index < lines.count {
                    header += " " + lines[index].trimmingCharacters(in: .whitespaces)
                    index += 1
                }
                let body = lines[index...].prefix { $0.hasPrefix("    ") || $0.isEmpty }
                outputs[id] = (header, Array(body))
                index += body.count
                cell = nil
                continue
            }
            index += 1
        }
        return outputs
    }

    @Test func aFreshCourseShowsNoAnswerRunsTheReferenceAndBuildsNothing() throws {
        let course = try EditLoopTests.makeCourse()
        for lesson in ["1", "2", "3", "3b", "4", "5", "6"] {
            let run = try Self.show(lesson, in: course)
            #expect(run.status == 0 && run.standardError == "", "lesson \(lesson): \(run.standardError)")
            for (piece, answer) in Self.answers {
                #expect(!run.standardOutput.contains(answer), "lesson \(lesson) shows \(piece)'s answer: \(answer)")
            }
            for (id, output) in Self.cellOutputs(run.standardOutput) where output.header != "  ⤷ output" {
                #expect(output.header.hasPrefix("  ⤷ output of the reference: yours runs here once"), "\(id): \(output.header)")
            }
        }
        #expect(try Self.show("3", in: course).standardOutput.contains(
            "  ╭─ cell part3.prefix-mask · hidden\n  │ Hidden: this code is an answer to vlm-mask.\n"))
        #expect(!FileManager.default.fileExists(atPath: course.appendingPathComponent(".build/vlm-course-check").path))
    }

    /// With every piece solved (`SolvedFile`) and passed, the answers appear and
    /// every cell that uses pieces runs the learner's code, printing what the reference printed.
    @Test func onceThePiecesPassTheAnswersAppearAndCellsRunTheLearnersCode() throws {
        let fresh = try EditLoopTests.makeCourse()
        let course = try EditLoopTests.makeCourse()
        for piece in PieceID.allCases {
            try EditLoopTests.write(try SolvedFile.text(piece, root: CourseRoot(BuiltProducts.packageRoot)),
                                    to: piece.info.file, in: course)
        }
        try Self.markDone(PieceID.allCases.map(\.rawValue), in: course)
        var learnerCells = 0
        for lesson in ["1", "2", "3", "3b", "5"] {
            let run = try Self.show(lesson, in: course)
            #expect(run.status == 0 && run.standardError == "", "lesson \(lesson): \(run.standardError)")
            let reference = Self.cellOutputs(try Self.show(lesson, in: fresh).standardOutput)
            for (id, output) in Self.cellOutputs(run.standardOutput) where output.header != "  ⤷ output" {
                #expect(output.header.hasPrefix("  ⤷ output of your "), "\(id): \(output.header)")
                #expect(!output.header.contains("reference"), "\(id): \(output.header)")
                #expect(output.lines == reference[id]?.lines, "\(id) printed something else with the learner's pieces")
                learnerCells += 1
            }
            if lesson == "3" {
                #expect(run.standardOutput.contains("  │     if query < nImage { return true }      // the image sees no text\n"))
                #expect(!run.standardOutput.contains("· hidden"))
            }
        }
        #expect(learnerCells == 14)  // 9, lesson 3's Gemma 3 cell and lesson 3b's four cells that use its pieces
    }

    /// A stale progress file: the learner's causal mask passed once, then was broken. The cells show
    /// its wrong mask as the learner's, or why it stopped; the lesson is still shown in full.
    @Test(arguments: [
        ("return Mask.upperTriangle(seqLen, seqLen, diagonal: 0)", "(0, 0) masked: false", "(0, 0) masked: true - a token sees itself"),
        ("fatalError(\"boom\")", "    Causal mask for an LLM", "    your code stopped before the result was ready: "),
    ])
    func aBrokenPieceThatOncePassedShowsItsOwnOutput(body: String, absent: String, present: String) throws {
        let course = try EditLoopTests.makeCourse()
        let file = "Sources/Exercises/Part1/CausalMask.swift"
        let stub = try String(contentsOf: course.appendingPathComponent(file), encoding: .utf8)
        try EditLoopTests.write(stub.replacingOccurrences(of: "todo(\"causal-mask\")", with: body), to: file, in: course)
        try Self.markDone(["causal-mask"], in: course)
        let run = try Self.show("1", in: course)
        #expect(run.status == 0 && run.standardError == "", "\(run.standardError)")
        let demo = try #require(Self.cellOutputs(run.standardOutput)["part1.causal-demo"])
        #expect(demo.header == "  ⤷ output of your causal-mask:" || demo.header == "  ⤷ output of your code, which did not finish:")
        let text = demo.lines.joined(separator: "\n") + "\n"
        #expect(!text.contains(absent) && text.contains(present), "\(text)")
        #expect(!text.contains("stack trace") && !text.contains("0x"), "\(text)")
        #expect(run.standardOutput.hasSuffix("\"may attend\".\n"))
        let attention = try #require(Self.cellOutputs(run.standardOutput)["part1.causal-attention"])
        #expect(attention.header.hasPrefix("  ⤷ output of your "))
    }
}
