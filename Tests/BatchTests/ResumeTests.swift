import BatchGrading
import Foundation
import Testing

/// A batch killed with SIGKILL keeps every student it finished; the rerun grades only the rest.
@Suite("Resume after kill -9")
struct ResumeTests {
    @Test("kill -9 after the first commit: nothing lost, nothing graded twice")
    func killAndResume() throws {
        let scratch = try CoursePaths.scratch("resume")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let submissions = scratch.appendingPathComponent("submissions"), out = scratch.appendingPathComponent("out")
        try Corpus.solved(submissions.appendingPathComponent("a-first"))
        for student in ["b-loop", "c-loop"] {
            try Corpus.solved(submissions.appendingPathComponent(student), causalMask: Corpus.causalMaskVariants["infinite-loop"])
        }
        try Corpus.solved(submissions.appendingPathComponent("d-last"), causalMask: Corpus.causalMaskVariants["wrong"])
        let arguments = ["grade", submissions.path, "--out", out.path, "--jobs", "1", "--timeout", "3",
                         "--build-folder", CoursePaths.buildFolder.path]
        let gradebookURL = out.appendingPathComponent("gradebook.sqlite")

        let first = try CommandRunner.start(arguments)
        // The poll opens the gradebook while `grade` may still be creating it: a second opener, as
        // GradebookTests checks (before Gradebook's SetupLock, this could make `grade` exit).
        var committed = 0, lastReadError = "none"
        while first.process.isRunning && committed == 0 {
            usleep(50_000)
            guard FileManager.default.fileExists(atPath: gradebookURL.path) else { continue }
            do {
                committed = try Gradebook(url: gradebookURL).all().count
            } catch {
                lastReadError = "\(error)"
            }
        }
        let killed = first.process.isRunning
        if killed { kill(first.process.processIdentifier, SIGKILL) }
        first.process.waitUntilExit()
        // A first run that ends by itself (it has three slow students left after the first) is a
        // failure of its own: say how it ended and what it printed.
        try #require(killed, """
            the first grade ended by itself after saving \(committed) student(s) \
            (the test's last error reading the gradebook: \(lastReadError)): \(first.ending)
            """)
        let kept = try Gradebook(url: gradebookURL).all()
        #expect(kept.map(\.student) == ["a-first"])
        #expect(kept.first?.score == FullMarks.total)

        let second = try CommandRunner.run(arguments)
        #expect(second.status == 0)
        let gradebook = try Gradebook(url: gradebookURL)
        let all = try gradebook.all()
        #expect(all.map(\.student) == ["a-first", "b-loop", "c-loop", "d-last"])
        #expect(all.first?.gradedAt == kept.first?.gradedAt)
        #expect(try gradebook.saveCounts() == ["a-first": 1, "b-loop": 1, "c-loop": 1, "d-last": 1])
        #expect(all.map { $0.piece("causal-mask")?.status } == ["pass", "timeout", "timeout", "fail"])

        let third = try CommandRunner.run(arguments + ["--regrade"])
        #expect(third.status == 0)
        #expect(try gradebook.saveCounts() == ["a-first": 2, "b-loop": 2, "c-loop": 2, "d-last": 2])
    }
}
