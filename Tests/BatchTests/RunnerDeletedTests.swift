import BatchGrading
import Foundation
import Testing

/// A runner deleted while its pieces run (a cleaner, another process) is the grader's failure.
@Suite("Runner deleted mid-run")
struct RunnerDeletedTests {
    @Test("the student is a grader-error, the rest of the class is graded; the next run grades them")
    func runnerDeleted() throws {
        let scratch = try CoursePaths.scratch("runner-deleted")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let submissions = scratch.appendingPathComponent("submissions"), out = scratch.appendingPathComponent("out")
        try Corpus.solved(submissions.appendingPathComponent("correct"))
        // Correct, but each piece process that uses the causal mask first waits a second: time to
        // delete the runner before the later pieces start.
        let slow = submissions.appendingPathComponent("slow")
        try Corpus.solved(slow, causalMask: "_ = pause\n        return " + Corpus.solvedLine)
        let mask = slow.appendingPathComponent("Part1/CausalMask.swift")
        try (try String(contentsOf: mask, encoding: .utf8) + "\nlet pause = usleep(1_000_000)\n")
            .write(to: mask, atomically: true, encoding: .utf8)
        let arguments = ["grade", submissions.path, "--out", out.path, "--jobs", "1", "--timeout", "5",
                         "--build-folder", CoursePaths.buildFolder.path]
        let run = try CommandRunner.start(arguments)
        let runner = out.appendingPathComponent(".work/students/slow/bin/runner")
        // Once the runner exists, give its first piece (paused a second) half a second to start.
        let appeared = RunWatch.until(run) { FileManager.default.fileExists(atPath: runner.path) }
        if appeared { usleep(500_000) }
        let deleted = appeared && (try? FileManager.default.removeItem(at: runner)) != nil
        let status = RunWatch.finish(run)
        try #require(deleted, "the runner never appeared: \(run.ending)")
        #expect(status == 1, "\(run.ending)")
        let gradebook = try Gradebook(url: out.appendingPathComponent("gradebook.sqlite"))
        let first = try gradebook.all()
        #expect(first.map(\.student) == ["correct", "slow"])
        #expect(first.first?.score == FullMarks.total)
        let failed = try #require(first.last)
        #expect(failed.outcome == .graderError)
        #expect(failed.messages.last?.contains("was deleted while the student was graded") == true, "\(failed.messages)")
        #expect(failed.pieces.contains { $0.status == "grader-error" })
        #expect(RunWatch.output(run).contains("slow: grader-error, not graded (graded again next run)"))

        let second = try CommandRunner.run(arguments)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try gradebook.all().map(\.score) == [FullMarks.total, FullMarks.total])
        #expect(try gradebook.saveCounts() == ["correct": 1, "slow": 2])
    }
}
