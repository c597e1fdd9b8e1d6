@testable import BatchGrading
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
        #expect(grades.map(\.score) == [70, 60 + (grades.last?.piece("causal-mask")?.points ?? -1)])
        #expect(grades.last?.piece("causal-mask")?.status == "fail")
    }
}
