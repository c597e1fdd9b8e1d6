@testable import BatchGrading
import Foundation
import Testing

/// `run_autograder` passes `grade`'s exit status on, so a grader-error shows on Gradescope as a
/// failed run with its cause. The script runs here on a fake layout (`AUTOGRADER_ROOT`) with a
/// stand-in for `vlm-course` that behaves as `grade` does in each case.
@Suite("Gradescope run_autograder exit status")
struct AutograderExitTests {
    /// Runs the script with a `vlm-course` stand-in whose body is `stub` (bash; `$out` is the --out).
    static func run(stub: String, name: String) throws -> (status: Int32, results: String) {
        let root = try CoursePaths.scratch("run-autograder-\(name)")
        let course = root.appendingPathComponent("source/course")
        try FileManager.default.createDirectory(at: course.appendingPathComponent(".build/release"),
                                                withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("results"), withIntermediateDirectories: true)
        try Corpus.solved(root.appendingPathComponent("submission"))
        let binary = course.appendingPathComponent(".build/release/vlm-course")
        try ("#!/bin/bash\nout=\"\"; while [ $# -gt 0 ]; do [ \"$1\" = --out ] && out=$2; shift; done\n" + stub)
            .write(to: binary, atomically: true, encoding: .utf8)
        let script = root.appendingPathComponent("run_autograder")
        try AutograderScripts.runAutograder.write(to: script, atomically: true, encoding: .utf8)
        for file in [binary, script] { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["AUTOGRADER_ROOT": root.path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let results = try String(contentsOf: root.appendingPathComponent("results/results.json"), encoding: .utf8)
        return (process.terminationStatus, results)
    }

    @Test("a grader-error: the student's results (with the cause) are published and the run fails")
    func graderError() throws {
        let run = try Self.run(stub: """
            mkdir -p "$out/gradescope"
            echo '{"score": 0, "output": "grader-error: not graded — the grader failed, not your code"}' > "$out/gradescope/student.json"
            exit 1
            """, name: "grader-error")
        #expect(run.status == 1)
        #expect(run.results.contains("grader-error: not graded"))
    }

    @Test("no results at all: the last line grade printed is the cause, and the run fails")
    func noResults() throws {
        let run = try Self.run(stub: "echo 'vlm-course: the sandbox (bubblewrap) cannot \"start\" here' >&2; exit 2",
                               name: "no-results")
        #expect(run.status == 2)
        let json = try JSONSerialization.jsonObject(with: Data(run.results.utf8)) as? [String: Any]
        #expect(json?["output"] as? String
            == "The autograder could not grade this submission: vlm-course: the sandbox (bubblewrap) cannot \"start\" here")
    }

    @Test("a graded student: the results are published and the run succeeds")
    func graded() throws {
        let run = try Self.run(stub: """
            mkdir -p "$out/gradescope"; echo '{"score": 70}' > "$out/gradescope/student.json"; exit 0
            """, name: "graded")
        #expect(run.status == 0)
        #expect(run.results == "{\"score\": 70}\n")
    }
}
