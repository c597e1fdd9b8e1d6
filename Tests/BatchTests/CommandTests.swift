import Foundation
import Testing

/// Bad arguments: one line naming the problem, exit status 2.
@Suite("vlm-course grade arguments")
struct CommandTests {
    @Test("a missing submissions folder")
    func missingFolder() throws {
        let result = try CommandRunner.run(["grade", "/nonexistent/class", "--out", "/tmp/vlm-batch-unused"])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("/nonexistent/class does not exist"))
    }

    @Test("an output folder that cannot be created")
    func unwritableOut() throws {
        let scratch = try CoursePaths.scratch("args-out")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let result = try CommandRunner.run(["grade", scratch.path, "--out", file.appendingPathComponent("out").path])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("cannot create the output folder"))
    }

    @Test("a rubric naming an unknown piece, and one that is not JSON", arguments: [
        (#"{"pieces": {"softmax": {"points": 5}}}"#, "unknown piece \"softmax\""),
        ("points = 5", "cannot read the rubric"),
    ])
    func badRubric(text: String, expected: String) throws {
        let scratch = try CoursePaths.scratch("args-rubric-\(expected.count)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let rubric = scratch.appendingPathComponent("rubric.json")
        try Data(text.utf8).write(to: rubric)
        let result = try CommandRunner.run(["grade", scratch.path, "--out", scratch.appendingPathComponent("out").path,
                                            "--rubric", rubric.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(expected))
    }

    @Test("a similarity threshold outside 0…1", arguments: ["1.5", "-0.1", "nan"])
    func badThreshold(value: String) throws {
        let scratch = try CoursePaths.scratch("args-threshold")
        let result = try CommandRunner.run(["grade", scratch.path, "--out", scratch.appendingPathComponent("out-\(value)").path,
                                            "--similarity-threshold=\(value)"])
        #expect(result.status == 2)
        #expect(result.stderr == "vlm-course: --similarity-threshold must be between 0 and 1 (got \(value))\n")
    }

    @Test("no --out")
    func missingOut() throws {
        let result = try CommandRunner.run(["grade", "/tmp"])
        #expect(result.status == 2)
        #expect(result.stderr == "vlm-course: name the output folder with --out OUT\n")
    }
}

/// The arguments of issue #19: `--scratch` must be a writable folder outside the submissions.
@Suite("vlm-course grade --scratch")
struct ScratchArgumentTests {
    @Test("a scratch folder that does not exist, or one inside the submissions", arguments: [
        ("missing", "does not exist or is not a writable folder"), ("inside", "must not be inside the submissions folder"),
    ])
    func badScratch(name: String, expected: String) throws {
        let scratch = try CoursePaths.scratch("args-scratch-\(name)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let submissions = scratch.appendingPathComponent("submissions")
        try FileManager.default.createDirectory(at: submissions.appendingPathComponent("inside"), withIntermediateDirectories: true)
        let folder = name == "missing" ? scratch.appendingPathComponent("nowhere") : submissions.appendingPathComponent("inside")
        let result = try CommandRunner.run(["grade", submissions.path, "--out", scratch.appendingPathComponent("out").path,
                                            "--scratch", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
    }
}
