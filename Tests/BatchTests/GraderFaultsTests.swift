@testable import BatchGrading
import Contracts
import Foundation
import Grader
import Testing

/// Which failed pieces and preparations are the grader's own: a corpus of reports as the grader
/// makes them, with the verdict each must get.
@Suite("Grader faults")
struct GraderFaultsTests {
    static let names = PieceChecks.checks(for: .causalMask).map(\.name)

    /// A causal-mask report whose first check stopped with `message` (the rest "not run").
    static func report(_ status: CheckStatus, _ message: String, output: String = "") -> ExerciseReport {
        ExerciseReport(id: "causal-mask", status: status, standIns: [], checks: names.enumerated().map { index, name in
            CheckResult(name: name, status: status, message: index == 0 ? message : "not run: the process stopped")
        }, output: output)
    }

    /// A file that exists and is executable, standing for a runner that is still there.
    static let presentRunner = URL(fileURLWithPath: "/bin/sh")
    static let goneRunner = URL(fileURLWithPath: "/nonexistent/students/s/bin/runner")

    @Test("the grader's own failures to run a piece are grader-errors", arguments: [
        // PieceRunner could not start the runner (without a sandbox, a deleted runner ends here).
        (report(.crash, "cannot start /w/students/s/bin/runner: No such file or directory"), "cannot start"),
        (report(.crash, "cannot create a temporary folder for the check results: No space left on device"), "No space left"),
        // prlimit inside the sandbox could not execute the runner, and the runner is gone.
        (report(.crash, "exited with status 127: prlimit: failed to execute /w/students/s/bin/runner: No such file or directory",
                output: "prlimit: failed to execute /w/students/s/bin/runner: No such file or directory"), "prlimit: failed"),
        (report(.crash, "exited with status 1: bwrap: Can't find source path /w/students/s/bin: No such file or directory",
                output: "bwrap: Can't find source path /w/students/s/bin: No such file or directory"), "bwrap: Can't find"),
        (report(.crash, "exited with status 125", output: "vlm-course sandbox: cannot join the pids cgroup /sys/x"),
         "cannot join the pids cgroup"),
    ])
    func graderFailures(report: ExerciseReport, cause: String) {
        let found = GraderFaults.cause(of: report, runner: Self.presentRunner)
        #expect(found?.contains(cause) == true, "\(found ?? "nil")")
    }

    @Test("a fixture the grader cannot read is a grader-error, also when the check says fail")
    func unreadableFixture() throws {
        let context = CheckContext(fixtures: URL(fileURLWithPath: "/nonexistent/Fixtures"))
        let error = #expect(throws: CheckFailure.self) { _ = try context.fixture("part1_causal.safetensors") }
        let message = try #require(error).message
        #expect(GraderFaults.cause(of: Self.report(.fail, message), runner: Self.presentRunner)?.contains("part1_causal") == true)
    }

    @Test("a runner deleted while the pieces ran is a grader-error, whatever the crash says")
    func deletedRunner() {
        let report = Self.report(.crash, "exited with status 127")
        #expect(GraderFaults.cause(of: report, runner: Self.goneRunner)?.contains("was deleted while the student was graded") == true)
        #expect(GraderFaults.cause(of: report, runner: Self.presentRunner) == nil)
    }

    @Test("the student's own failures keep their verdict", arguments: [
        report(.crash, "crashed with signal 4 (SIGILL: a Swift trap …): Fatal error: Index out of range"),
        report(.crash, "the process exited before finishing the checks — does your code call exit()?"),
        // A student printing the sandbox's words after their own output does not fool the rule.
        report(.crash, "exited with status 1", output: "starting\nbwrap: pretend"),
        report(.fail, "expected [8, 8], got [8, 7]"),
        report(.timeout, "did not finish within 5 s and was stopped"),
    ])
    func studentFailures(report: ExerciseReport) {
        #expect(GraderFaults.cause(of: report, runner: Self.presentRunner) == nil)
    }

    @Test("a grader-error report names the cause once and scores nothing")
    func marked() {
        let marked = GraderFaults.graderError(Self.report(.crash, "x"), cause: "the sandbox could not start")
        #expect(marked.status == .graderError)
        #expect(marked.points == 0)
        #expect(marked.checks.map(\.message) == ["the sandbox could not start"] + Array(repeating: "", count: Self.names.count - 1))
    }

    @Test("preparing: a bad upload is rejected, a failing disk is the grader's", arguments: [
        (PreparedSubmission.Unsupported(name: "notes.txt") as any Error, true),
        (ArchiveExtractor.Failure.unreadable("Truncated ZIP file"), true),
        (ArchiveExtractor.Failure.tooLarge("more than 2000 files"), true),
        (ArchiveExtractor.Failure.cannotWrite("cannot write CausalMask.swift: No space left on device"), false),
        (CocoaError(.fileWriteOutOfSpace), false),
        (ContentHash.Failure(description: "sha256sum failed"), false),
    ])
    func preparation(error: any Error, isStudents: Bool) {
        #expect(GraderFaults.isStudentFault(error) == isStudents)
    }
}
