@testable import BatchGrading
import Foundation
import Testing

/// One run per output folder: two runs never share `OUT/.work`, whose files they would delete
/// under each other (measured before the lock: 17 of 30 correct students saved with wrong grades).
@Suite("One grade run per output folder")
struct RunLockTests {
    static func arguments(_ submissions: URL, _ out: URL) -> [String] {
        ["grade", submissions.path, "--out", out.path, "--jobs", "1", "--timeout", "5",
         "--build-folder", CoursePaths.buildFolder.path]
    }

    static func correctClass(_ folder: URL, count: Int) throws {
        for index in 1...count { try Corpus.solved(folder.appendingPathComponent("s\(index)")) }
    }

    @Test("two runs started together: one exits 2 at once naming the holder, the other grades every student in full")
    func concurrentRuns() throws {
        let scratch = try CoursePaths.scratch("lock-concurrent")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let submissions = scratch.appendingPathComponent("submissions"), out = scratch.appendingPathComponent("out")
        try Self.correctClass(submissions, count: 4)
        let runs = try (0..<2).map { _ in try CommandRunner.start(Self.arguments(submissions, out)) }
        let statuses = runs.map(RunWatch.finish)
        #expect(statuses.sorted() == [0, 2], "\(runs.map(\.ending))")
        let refused = try #require(runs.first { $0.process.terminationStatus == 2 })
        let lines = RunWatch.output(refused).split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("another `vlm-course grade` is running on \(out.path) (pid ") == true, "\(lines)")
        #expect(lines.first?.contains(", started 20") == true, "\(lines)")
        let grades = try Gradebook(url: out.appendingPathComponent("gradebook.sqlite")).all()
        #expect(grades.map(\.student) == ["s1", "s2", "s3", "s4"])
        #expect(grades.allSatisfy { $0.outcome == .graded && $0.score == FullMarks.total })
    }

    @Test("--wait: the second run waits for the first, then finds every student unchanged")
    func waiting() throws {
        let scratch = try CoursePaths.scratch("lock-wait")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let submissions = scratch.appendingPathComponent("submissions"), out = scratch.appendingPathComponent("out")
        try Self.correctClass(submissions, count: 3)
        let first = try CommandRunner.start(Self.arguments(submissions, out))
        let lockFile = out.appendingPathComponent(RunLock.fileName)
        let held = RunWatch.until(first) { ((try? String(contentsOf: lockFile, encoding: .utf8)) ?? "").hasPrefix("pid ") }
        try #require(held, "the first run never held the lock: \(first.ending)")
        let second = try CommandRunner.start(Self.arguments(submissions, out) + ["--wait"])
        #expect(RunWatch.finish(first) == 0)
        #expect(RunWatch.finish(second) == 0, "\(second.ending)")
        let output = RunWatch.output(second)
        #expect(output.contains("waiting for the other run on \(out.path) to finish (pid \(first.process.processIdentifier) "))
        #expect(output.contains("unchanged 3"))
        let gradebook = try Gradebook(url: out.appendingPathComponent("gradebook.sqlite"))
        #expect(try gradebook.saveCounts() == ["s1": 1, "s2": 1, "s3": 1])
        #expect(try String(contentsOf: lockFile, encoding: .utf8).isEmpty)
    }

    @Test("a lock held by a live process is refused with its line; a killed holder's lock is taken over")
    func heldAndStale() throws {
        let scratch = try CoursePaths.scratch("lock-stale")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let submissions = scratch.appendingPathComponent("submissions"), out = scratch.appendingPathComponent("out")
        try Self.correctClass(submissions, count: 1)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let lock = try RunLock(out: out, wait: false)
        #expect(throws: RunLock.Held.self) { _ = try RunLock(out: out, wait: false) }
        let refused = try CommandRunner.run(Self.arguments(submissions, out))
        lock.release()
        #expect(refused.status == 2)
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(refused.stderr.contains("(pid \(getpid()) on \(ProcessInfo.processInfo.hostName), started "))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("gradebook.sqlite").path))

        let killed = "pid 999999 on elsewhere, started 2020-01-01T00:00:00Z"
        try killed.write(to: out.appendingPathComponent(RunLock.fileName), atomically: true, encoding: .utf8)
        let takeover = try CommandRunner.run(Self.arguments(submissions, out))
        #expect(takeover.status == 0)
        #expect(takeover.stderr.contains("the previous run on this folder (\(killed)) ended without finishing; taking over"))
        #expect(try Gradebook(url: out.appendingPathComponent("gradebook.sqlite")).all().map(\.score) == [FullMarks.total])
    }
}
