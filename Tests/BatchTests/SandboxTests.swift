@testable import BatchGrading
import Grader
import Foundation
import Testing

/// The sandbox's refusal, and grading without it.
@Suite("Sandbox")
struct SandboxTests {
    @Test("a sandbox that cannot start is refused with the reason and the way out")
    func probeFailure() throws {
        let scratch = try CoursePaths.scratch("probe")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let sandbox = try Sandbox(launcherFolder: scratch, hidden: [], cgroups: nil)
        let launcher = scratch.appendingPathComponent("sandbox-launcher.sh")
        try "echo 'bwrap: No permissions to create a new namespace' >&2; exit 1\n".write(to: launcher, atomically: true,
                                                                                       encoding: .utf8)
        let error = #expect(throws: (any Error).self) { try sandbox.probe(scratch: scratch.appendingPathComponent("p")) }
        let message = "\(error.map { "\($0)" } ?? "")"
        #expect(message.contains("No permissions to create a new namespace"))
        #expect(message.contains("--no-sandbox"))
    }

    @Test("the sandbox starts on this machine")
    func probeSuccess() throws {
        let scratch = try CoursePaths.scratch("probe-ok")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let sandbox = try Sandbox(launcherFolder: scratch, hidden: [scratch], cgroups: nil)
        try sandbox.probe(scratch: scratch.appendingPathComponent("p"))
        #expect(sandbox.isEnabled)
    }

    /// The sandbox's `/tmp` is private, so a course checked out under /tmp would hide its fixtures
    /// from the pieces: `readable` folders are bound back, read-only; others under /tmp stay hidden.
    @Test("readable folders under /tmp stay visible inside the private /tmp, read-only")
    func readableFoldersUnderTmp() throws {
        let scratch = try CoursePaths.scratch("readable")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let fixtures = scratch.appendingPathComponent("Fixtures"), other = scratch.appendingPathComponent("Other")
        for folder in [fixtures, other] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("inputs\n".utf8).write(to: folder.appendingPathComponent("part1.txt"))
        }
        let channel = scratch.appendingPathComponent("channel")
        try Data().write(to: channel)
        let sandbox = try Sandbox(launcherFolder: scratch, hidden: [], readable: [fixtures], cgroups: nil)
        let environment = [CheckChild.resultFileVariable: channel.path, CheckChild.nonceVariable: "00"]
        func sandboxed(_ arguments: [String]) throws -> ChildProcess.Outcome {
            let command = sandbox.command(runner: URL(fileURLWithPath: "/bin/sh"), timeout: 5, worker: 0)
            return try ChildProcess.run(command[0], Array(command.dropFirst()) + arguments, environment: environment,
                                        timeout: 20)
        }
        let read = try sandboxed(["-c", "cat \(fixtures.path)/part1.txt"])
        #expect(read.termination == .exited(0) && read.stdout == "inputs\n")
        #expect(try sandboxed(["-c", "cat \(other.path)/part1.txt"]).termination != .exited(0))
        #expect(try sandboxed(["-c", "echo x > \(fixtures.path)/part1.txt"]).termination != .exited(0))
    }

    @Test("--no-sandbox grades the same verdicts for well-behaved code")
    func withoutSandbox() throws {
        let scratch = try CoursePaths.scratch("nosandbox")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let submissions = scratch.appendingPathComponent("submissions")
        try Corpus.solved(submissions.appendingPathComponent("correct"))
        try Corpus.solved(submissions.appendingPathComponent("wrong"), causalMask: Corpus.causalMaskVariants["wrong"])
        let out = scratch.appendingPathComponent("out")
        let result = try CommandRunner.run(["grade", submissions.path, "--out", out.path, "--no-sandbox", "--timeout", "5",
                                            "--build-folder", CoursePaths.buildFolder.path])
        #expect(result.status == 0)
        let grades = try Gradebook(url: out.appendingPathComponent("gradebook.sqlite")).all()
        #expect(grades.map(\.student) == ["correct", "wrong"])
        #expect(grades.map(\.score) == [FullMarks.total,
                                         FullMarks.total - FullMarks.perPiece + (grades.last?.piece("causal-mask")?.points ?? -1)])
        #expect(grades.last?.piece("causal-mask")?.status == "fail")
    }
}
