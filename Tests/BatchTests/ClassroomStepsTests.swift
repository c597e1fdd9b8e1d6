@testable import BatchGrading
import Contracts
import Foundation
import Testing

/// The workflow's steps run as Actions runs them, on a fake workspace: each grader step's command
/// (as the YAML has it) passes the reference and fails the stubs; the shell steps take the pinned
/// commit, list what changed outside `Sources/Exercises`, and take only that folder.
@Suite("GitHub Classroom workflow steps")
struct ClassroomStepsTests {
    /// A course checkout in `workspace/grader` whose `Sources/Exercises` holds every piece solved
    /// (`SolvedFile`) or the stubs; everything else links to this course and its build.
    static func workspace(_ name: String, solved: Bool) throws -> URL {
        let workspace = try CoursePaths.scratch(name), grader = workspace.appendingPathComponent("grader")
        let fm = FileManager.default
        for folder in ["Sources", "Tests", ".build"] {
            try fm.createDirectory(at: grader.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try fm.copyItem(at: CoursePaths.root.appendingPathComponent("Package.swift"), to: grader.appendingPathComponent("Package.swift"))
        for module in try fm.contentsOfDirectory(atPath: CoursePaths.root.appendingPathComponent("Sources").path)
        where module != "Exercises" {
            try fm.createSymbolicLink(at: grader.appendingPathComponent("Sources/\(module)"),
                                     withDestinationURL: CoursePaths.root.appendingPathComponent("Sources/\(module)"))
        }
        try fm.createSymbolicLink(at: grader.appendingPathComponent("Tests/Fixtures"), withDestinationURL: CoursePaths.root
            .appendingPathComponent("Tests/Fixtures"))
        try fm.createSymbolicLink(at: grader.appendingPathComponent(".build/debug"), withDestinationURL: CoursePaths.buildFolder)
        try fm.createSymbolicLink(at: grader.appendingPathComponent("Stubs"), withDestinationURL: CoursePaths.stubs)
        let exercises = grader.appendingPathComponent("Sources/Exercises")
        if solved {
            try Corpus.writeSolvedPieces(to: exercises)
        } else {
            try fm.copyItem(at: CoursePaths.stubs, to: exercises)
        }
        return workspace
    }

    /// Runs `command` with only PATH and HOME kept, as the command grader does (`/bin/sh -c`), or
    /// (`step`) as Actions runs a `run:` step (`bash --noprofile --norc -eo pipefail`); its exit status
    /// and output.
    static func sh(_ command: String, in folder: URL, step: Bool = false,
                   environment: [String: String] = [:]) throws -> (Int32, String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("vlm-step-\(UUID().uuidString).log")
        try Data().write(to: log)
        defer { try? FileManager.default.removeItem(at: log) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: step ? "/bin/bash" : "/bin/sh")
        process.arguments = (step ? ["--noprofile", "--norc", "-eo", "pipefail"] : []) + ["-c", command]
        process.currentDirectoryURL = folder
        let inherited = ProcessInfo.processInfo.environment
        process.environment = ["PATH": inherited["PATH"] ?? "/usr/bin:/bin", "HOME": inherited["HOME"] ?? "/tmp"]
            .merging(environment) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = process.standardOutput
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: log, encoding: .utf8))
    }

    static let workflow = Result {
        try ClassroomWorkflow(graderRepository: "https://github.com/teacher/vlm-course",
                              graderCommit: ClassroomWorkflowTests.commit, rubric: Rubric())
    }

    @Test("each piece's command exits 0 for the reference and non-zero for the stub; a file that does not compile fails only its piece",
          arguments: ["reference", "stubs", "broken-causal-mask"])
    func pieceCommands(kind: String) throws {
        let workspace = try Self.workspace("classroom-\(kind)", solved: kind != "stubs")
        if kind == "broken-causal-mask" {
            let mask = workspace.appendingPathComponent("grader/Sources/Exercises/Part1/CausalMask.swift")
            try (String(contentsOf: mask, encoding: .utf8) + "let broken: Int = \"one\"\n").write(to: mask, atomically: true,
                                                                                           encoding: .utf8)
        }
        let steps = try ClassroomWorkflowTests.steps(try Self.workflow.get()).filter { $0["id"] != nil }
        #expect(steps.count == Catalog.exercises.count)
        for step in steps {
            let command = try #require((step["with"] as? [String: Any])?["command"] as? String)
            let (status, output) = try Self.sh(command, in: workspace)
            switch kind {
            case "stubs":
                #expect(status != 0, "\(command):\n\(output)")
                #expect(output.contains("not started (todo)"), "\(command):\n\(output)")
            case "broken-causal-mask" where step["id"] as? String == "causal-mask":
                #expect(status != 0, "\(command):\n\(output)")
                #expect(output.contains("cannot convert value of type 'String' to specified type 'Int'"), "\(output)")
            default:
                #expect(status == 0, "\(command):\n\(output)")
            }
        }
    }

    @Test("the grader is the pinned commit; files changed outside Sources/Exercises are listed; only that folder is taken")
    func shellSteps() throws {
        let root = try CoursePaths.scratch("classroom-shell")
        let instructor = root.appendingPathComponent("instructor"), workspace = root.appendingPathComponent("workspace")
        let submission = workspace.appendingPathComponent("submission")
        let course = ["Package.swift": "// course", "README.md": "read me", "Tests/Checks.swift": "// checks",
                      "Sources/Exercises/Part1/CausalMask.swift": "// stub", "Sources/Solutions/Part1/CausalMask.swift": "// reference"]
        try Self.write(course, into: instructor)
        let pinned = try Self.commit(instructor)
        try Self.write(["Sources/Solutions/Part1/CausalMask.swift": "// reference, later"], into: instructor)
        _ = try Self.commit(instructor)

        var edited = course
        edited["Sources/Exercises/Part1/CausalMask.swift"] = "// mine"
        edited["Sources/Solutions/Part1/CausalMask.swift"] = "// made to pass"
        edited["Tests/Checks.swift"] = nil
        edited["cheat.txt"] = "answers"
        edited[ClassroomWorkflow.path] = "name: Autograding Tests"
        try Self.write(edited, into: submission)
        try FileManager.default.createSymbolicLink(atPath: submission.appendingPathComponent("Sources/Exercises/Part1/Link.swift").path,
                                                   withDestinationPath: "../../Solutions/Part1/CausalMask.swift")
        _ = try Self.commit(submission)

        let workflow = try ClassroomWorkflow(graderRepository: "file://\(instructor.path)", graderCommit: pinned, rubric: Rubric())
        let runs = try ClassroomWorkflowTests.steps(workflow).compactMap { $0["run"] as? String }
        let summary = workspace.appendingPathComponent("summary.md")
        var outputs: [String] = []
        for script in [runs[0], runs[1], runs[4]] {  // take the grader, list changes, take Sources/Exercises
            let (status, output) = try Self.sh(script, in: workspace, step: true, environment: ["GITHUB_STEP_SUMMARY": summary.path])
            #expect(status == 0, "\(script):\n\(output)")
            outputs.append(output)
        }
        let grader = workspace.appendingPathComponent("grader")
        let read = { (path: String) in try String(contentsOf: grader.appendingPathComponent(path), encoding: .utf8) }
        #expect(try read("Sources/Solutions/Part1/CausalMask.swift") == "// reference")
        #expect(try read("Sources/Exercises/Part1/CausalMask.swift") == "// mine")
        #expect(try read("Tests/Checks.swift") == "// checks")
        let warnings = outputs[1].split(separator: "\n").filter { $0.hasPrefix("::warning") }
        #expect(warnings.map { $0.components(separatedBy: "::")[2].split(separator: " ")[0] }
            == ["Sources/Solutions/Part1/CausalMask.swift", "Tests/Checks.swift", "cheat.txt"])
        #expect(try String(contentsOf: summary, encoding: .utf8).contains("- cheat.txt"))
        #expect(outputs[2].contains("::warning title=Not graded::Sources/Exercises/Part1/Link.swift is a symlink; it was removed"))
        #expect(!FileManager.default.fileExists(atPath: grader.appendingPathComponent("Sources/Exercises/Part1/Link.swift").path))
    }

    static func write(_ files: [String: String], into folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Commits everything in `folder` (a new repository the first time); returns the commit id.
    static func commit(_ folder: URL) throws -> String {
        let git = "git -c user.name=test -c user.email=test@example.com"
        let (status, output) = try sh("[ -d .git ] || git init -q -b main; git add -A; \(git) commit -q -m change; git rev-parse HEAD",
                                      in: folder, step: true)
        guard status == 0 else { throw CorpusError("git failed in \(folder.path): \(output)") }
        return String(output.split(separator: "\n").last ?? "")
    }
}
