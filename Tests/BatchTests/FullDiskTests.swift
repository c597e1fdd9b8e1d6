import BatchGrading
import Contracts
import Foundation
import Testing

/// A disk that fills up is the machine's failure: never a student's grade. (Before: OUT on a 3 MB
/// volume saved 16 correct students as compile-error with 0 points.) Real full disks: small tmpfs
/// volumes, which need root; elsewhere these tests are skipped with that reason.
@Suite("Full disk")
struct FullDiskTests {
    static func arguments(_ submissions: URL, _ out: URL) -> [String] {
        ["grade", submissions.path, "--out", out.path, "--jobs", "1", "--timeout", "5",
         "--build-folder", CoursePaths.buildFolder.path]
    }

    static func students(_ folder: URL, _ names: [String]) throws {
        for name in names { try Corpus.solved(folder.appendingPathComponent(name)) }
    }

    /// Starts `arguments`, fills `disk` once `saved` students are in the gradebook, and waits.
    static func fillDuring(_ arguments: [String], gradebook: URL, saved: Int, disk: Tmpfs) throws
        -> (status: Int32, output: String, filler: URL?) {
        let run = try CommandRunner.start(arguments)
        let filler = RunWatch.until(run) { RunWatch.saved(gradebook) >= saved } ? disk.fill() : nil
        return (RunWatch.finish(run), RunWatch.output(run), filler)
    }

    /// Every student is either graded in full or a grader-error (never a wrong grade); the grader-errors.
    static func noWrongGrade(_ grades: [StudentGrade]) -> [StudentGrade] {
        for grade in grades where grade.outcome != .graderError {
            #expect(grade.outcome == .graded && grade.score == FullMarks.total, "\(grade.student): \(grade.outcome) \(grade.messages)")
        }
        return grades.filter { $0.outcome == .graderError }
    }

    @Test("a disk too small for the class is refused before grading, with the figures; --scratch elsewhere works",
          .enabled(if: Tmpfs.available, "needs root to mount a small tmpfs"))
    func preflight() throws {
        let scratch = try CoursePaths.scratch("disk-preflight")
        let disk = try Tmpfs(megabytes: 8, name: "preflight")
        defer { disk.unmount(); try? FileManager.default.removeItem(at: scratch) }
        let submissions = scratch.appendingPathComponent("submissions"), out = disk.folder.appendingPathComponent("out")
        try Self.students(submissions, ["a", "b", "c"])
        let refused = try CommandRunner.run(Self.arguments(submissions, out))
        #expect(refused.status == 2)
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(refused.stderr.contains("not enough free space to grade 3 students, 1 at a time: they need about "))
        #expect(refused.stderr.contains("MiB free") && refused.stderr.contains("--scratch DIR"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("gradebook.sqlite").path))

        let elsewhere = try CoursePaths.scratch("disk-preflight-work")
        let graded = try CommandRunner.run(Self.arguments(submissions, out) + ["--scratch", elsewhere.path])
        #expect(graded.status == 0, "\(graded.stderr)")
        #expect(try Gradebook(url: out.appendingPathComponent("gradebook.sqlite")).all().map(\.score) == Array(repeating: FullMarks.total, count: 3))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == [])
    }

    @Test("the build disk fills mid-run: the students it stops are grader-errors, none graded wrong; a rerun grades them",
          .enabled(if: Tmpfs.available, "needs root to mount a small tmpfs"))
    func scratchFills() throws {
        let scratch = try CoursePaths.scratch("disk-scratch")
        let disk = try Tmpfs(megabytes: 128, name: "scratch")
        defer { disk.unmount(); try? FileManager.default.removeItem(at: scratch) }
        let submissions = scratch.appendingPathComponent("submissions"), out = scratch.appendingPathComponent("out")
        try Self.students(submissions, ["a", "b", "c", "d", "e"])
        let arguments = Self.arguments(submissions, out) + ["--scratch", disk.folder.path]
        let gradebook = out.appendingPathComponent("gradebook.sqlite")
        let first = try Self.fillDuring(arguments, gradebook: gradebook, saved: 1, disk: disk)
        let filler = try #require(first.filler, "the run ended before its first save: \(first.output)")
        #expect(first.status == 1, "\(first.output)")
        let stopped = Self.noWrongGrade(try Gradebook(url: gradebook).all())
        #expect(!stopped.isEmpty, "no student was stopped by the full disk: \(first.output)")
        for grade in stopped {
            let said = grade.messages.joined(separator: "\n")
            #expect(said.contains("No space left on device") || said.contains("the disk is full"), "\(said)")
            #expect(grade.pieces.allSatisfy { $0.status == "grader-error" && $0.points == 0 })
        }
        #expect(first.output.contains("grader error, not graded (graded again next run) (\(stopped.count))"))

        try FileManager.default.removeItem(at: filler)
        let second = try CommandRunner.run(arguments)
        #expect(second.status == 0, "\(second.stderr)")
        let grades = try Gradebook(url: gradebook).all()
        #expect(grades.map(\.student) == ["a", "b", "c", "d", "e"])
        #expect(grades.allSatisfy { $0.outcome == .graded && $0.score == FullMarks.total })
        #expect(try Gradebook(url: gradebook).saveCounts()["a"] == 1)
    }

    @Test("OUT fills mid-run: no wrong grade is saved, the exports stay whole, and a rerun completes them",
          .enabled(if: Tmpfs.available, "needs root to mount a small tmpfs"))
    func outFills() throws {
        let scratch = try CoursePaths.scratch("disk-out")
        let disk = try Tmpfs(megabytes: 128, name: "out")
        defer { disk.unmount(); try? FileManager.default.removeItem(at: scratch) }
        let submissions = scratch.appendingPathComponent("submissions"), out = disk.folder.appendingPathComponent("out")
        try Self.students(submissions, ["a", "b"])
        let arguments = Self.arguments(submissions, out)
        #expect(try CommandRunner.run(arguments).status == 0)
        try Self.students(submissions, ["c", "d", "e"])
        let gradebook = out.appendingPathComponent("gradebook.sqlite")
        let second = try Self.fillDuring(arguments, gradebook: gradebook, saved: 3, disk: disk)
        let filler = try #require(second.filler, "the run ended before its first save: \(second.output)")
        #expect(second.status == 1, "\(second.output)")
        _ = Self.noWrongGrade(try Gradebook(url: gradebook).all())
        let csv = try String(contentsOf: out.appendingPathComponent("grades.csv"), encoding: .utf8)
        #expect(csv.hasSuffix("\n") && csv.split(separator: "\n").allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == Catalog.exercises.count + 4 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.contains(".tmp-") } == [])

        try FileManager.default.removeItem(at: filler)
        let third = try CommandRunner.run(arguments)
        #expect(third.status == 0, "\(third.stderr)")
        #expect(try Gradebook(url: gradebook).all().map(\.score) == Array(repeating: FullMarks.total, count: 5))
        let rows = try String(contentsOf: out.appendingPathComponent("grades.csv"), encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 6 && rows.dropFirst().allSatisfy { $0.hasSuffix(",\(Int(FullMarks.total)),\(Int(FullMarks.total))") })
    }
}
