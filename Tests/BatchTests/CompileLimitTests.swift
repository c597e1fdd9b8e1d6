import BatchGrading
import Foundation
import Testing

/// Source code alone can make the compiler eat the machine: a submission's compile is capped, and
/// a compiler stopped by a cap is that student's compile-error, not the class's problem.
@Suite("Compile limits")
struct CompileLimitTests {
    /// A 50,000-element array literal: about 750 MB of address space for the frontend (measured),
    /// several seconds before a 600 MiB limit stops it. (150,000 elements: 1.19 GB, 23 s.)
    static func bomb(_ folder: URL) throws {
        try Corpus.solved(folder)
        let literal = (0..<50_000).map(String.init).joined(separator: ", ")
        try "public let bomb: [Int] = [\(literal)]\n".write(to: folder.appendingPathComponent("Part1/Bomb.swift"),
                                                           atomically: true, encoding: .utf8)
    }

    @Test("a compile bomb stops at --compile-memory: compile-error naming the limit and the file; the class is graded as usual")
    func bombStops() throws {
        let scratch = try CoursePaths.scratch("compile-bomb")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let submissions = scratch.appendingPathComponent("submissions"), out = scratch.appendingPathComponent("out")
        try Self.bomb(submissions.appendingPathComponent("bomb"))
        try Corpus.solved(submissions.appendingPathComponent("correct"))
        try Corpus.solved(submissions.appendingPathComponent("wrong"), causalMask: Corpus.causalMaskVariants["wrong"])
        // CoreFoundation is not in the warmed module cache: compiled again with a private one.
        try Corpus.solved(submissions.appendingPathComponent("imports-corefoundation"), extraImport: "CoreFoundation")
        let result = try CommandRunner.run(["grade", submissions.path, "--out", out.path, "--jobs", "2", "--timeout", "5",
                                            "--compile-memory", "600M", "--build-folder", CoursePaths.buildFolder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let grades = try Gradebook(url: out.appendingPathComponent("gradebook.sqlite")).all()
        let byName = Dictionary(uniqueKeysWithValues: grades.map { ($0.student, $0) })
        let bomb = try #require(byName["bomb"])
        #expect(bomb.outcome == .compileError)
        #expect(bomb.messages == ["the compiler needed more than 600 MiB of memory (the compile memory limit) "
            + "compiling Part1/Bomb.swift"])
        #expect(bomb.pieces.allSatisfy { $0.status == "compile-error" && $0.points == 0 })
        #expect(byName["correct"]?.score == FullMarks.total)
        #expect(byName["imports-corefoundation"]?.score == FullMarks.total, "\(byName["imports-corefoundation"]?.messages ?? [])")
        #expect(byName["wrong"]?.piece("causal-mask")?.status == "fail")
        #expect(byName["wrong"]?.piece("vlm-attention")?.status == "pass")
    }

    @Test("--compile-memory takes a size of at least 512M", arguments: [
        ("100M", "--compile-memory must be at least 512M"), ("lots", "--compile-memory takes a size such as 3G or 600M"),
        ("99999999999999999G", "--compile-memory takes a size such as 3G or 600M"),
    ])
    func badSize(value: String, message: String) throws {
        let result = try CommandRunner.run(["grade", "/tmp", "--out", "/tmp/vlm-batch-unused", "--compile-memory", value])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
