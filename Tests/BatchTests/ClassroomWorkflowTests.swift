@testable import BatchGrading
import Contracts
import Foundation
import Testing
import Yams

/// `vlm-course autograder --github`: the workflow parsed as YAML, with the structure GitHub Classroom's
/// actions document, and its bad inputs refused.
@Suite("GitHub Classroom workflow")
struct ClassroomWorkflowTests {
    static let commit = "0123456789abcdef0123456789abcdef01234567"
    static let rubric = Rubric(pieces: ["causal-mask": .init(points: 20, checks: nil), "vlm-attention": .init(points: 15, checks: nil)])

    /// The workflow's steps, parsed by Yams.
    static func steps(_ workflow: ClassroomWorkflow) throws -> [[String: Any]] {
        let document = try #require(try Yams.load(yaml: workflow.render()) as? [String: Any])
        let jobs = try #require(document["jobs"] as? [String: Any])
        let job = try #require(jobs["run-autograding-tests"] as? [String: Any])
        return try #require(job["steps"] as? [[String: Any]])
    }

    @Test("named as Classroom requires, one job, checked out, then the grader's steps in order")
    func structure() throws {
        let workflow = try ClassroomWorkflow(graderRepository: "https://github.com/teacher/vlm-course", graderCommit: Self.commit,
                                             rubric: Self.rubric)
        let document = try #require(try Yams.load(yaml: workflow.render()) as? [String: Any])
        #expect(document["name"] as? String == "Autograding Tests")
        #expect(document["on"] as? [String] == ["push", "workflow_dispatch"])
        #expect((document["jobs"] as? [String: Any])?.keys.sorted() == ["run-autograding-tests"])
        let steps = try Self.steps(workflow)
        #expect(steps.first?["uses"] as? String == "actions/checkout@v4")
        #expect((steps.first?["with"] as? [String: Any])?["path"] as? String == "submission")
        let runs = steps.compactMap { $0["run"] as? String }
        #expect(runs.count == 5)
        #expect(runs.first?.contains("fetch -q --depth 1 'https://github.com/teacher/vlm-course' \(Self.commit)") == true)
        #expect(runs.contains { $0.contains("apt-get install") && $0.contains("download.swift.org") })
        let ids = steps.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == ids.count)
        #expect(ids == Catalog.exercises.map(\.id))
        // Every grader step comes after the setup, and the reporter last.
        let firstGrader = try #require(steps.firstIndex { $0["id"] != nil })
        #expect(steps[..<firstGrader].count == 6)
        #expect(steps.last?["uses"] as? String == "classroom-resources/autograding-grading-reporter@v1")
    }

    @Test("one command-grader step per piece: test-name, command, timeout and the rubric's max-score")
    func graderSteps() throws {
        let workflow = try ClassroomWorkflow(graderRepository: "https://github.com/teacher/vlm-course", graderCommit: Self.commit,
                                             rubric: Self.rubric)
        let steps = try Self.steps(workflow).filter { $0["id"] != nil }
        #expect(steps.count == FullMarks.pieceCount)
        for (step, exercise) in zip(steps, Catalog.exercises) {
            #expect(step["uses"] as? String == "classroom-resources/autograding-command-grader@v1")
            let with = try #require(step["with"] as? [String: Any])
            #expect(with.keys.sorted() == ["command", "max-score", "test-name", "timeout"])
            #expect(with["test-name"] as? String == exercise.id)
            #expect(with["command"] as? String == "cd grader && .build/debug/vlm-course check \(exercise.id)")
            #expect(with["timeout"] as? Int == 5)
            #expect(with["max-score"] as? Int == Int(Self.rubric.piecePoints(exercise.id)))
        }
        #expect(steps.compactMap { ($0["with"] as? [String: Any])?["max-score"] as? Int }
            == [20, 10, 10, 10, 10, 10, 15] + Array(repeating: 10, count: FullMarks.pieceCount - 7))
    }

    @Test("the reporter reads every grader step's result from <ID>_RESULTS and lists the runners")
    func reporter() throws {
        let workflow = try ClassroomWorkflow(graderRepository: "git@github.com:teacher/vlm-course.git", graderCommit: Self.commit,
                                             rubric: Rubric())
        let reporter = try #require(try Self.steps(workflow).last)
        let env = try #require(reporter["env"] as? [String: String])
        let ids = Catalog.exercises.map(\.id)
        #expect(env == Dictionary(uniqueKeysWithValues: ids.map { ("\($0.uppercased())_RESULTS", "${{ steps.\($0).outputs.result }}") }))
        #expect((reporter["with"] as? [String: Any])?["runners"] as? String == ids.joined(separator: ","))
    }

    @Test("bad inputs are refused with what to do", arguments: [
        ("https://github.com/t/c", "main", "full 40-digit commit id"),
        ("https://github.com/t/c", "0123456", "full 40-digit commit id"),
        ("https://github.com/t/c'; rm -rf ~; '", commit, "without spaces or quotes"),
        ("github.com/t/c", commit, "--grader-repository must be the URL"),
    ])
    func badInputs(repository: String, commit: String, expected: String) {
        let error = #expect(throws: ClassroomWorkflow.Invalid.self) {
            _ = try ClassroomWorkflow(graderRepository: repository, graderCommit: commit, rubric: Rubric())
        }
        #expect(error?.description.contains(expected) == true)
    }

    @Test("fractional points are refused: the command grader reads max-score as an integer")
    func fractionalPoints() {
        let error = #expect(throws: ClassroomWorkflow.Invalid.self) {
            _ = try ClassroomWorkflow(graderRepository: "https://github.com/t/c", graderCommit: Self.commit,
                                      rubric: Rubric(pieces: ["vlm-mask": .init(points: 7.5, checks: nil)]))
        }
        #expect(error?.description.contains("vlm-mask is worth 7.5 points") == true, "\(error.map { "\($0)" } ?? "")")
    }

    @Test("the command writes the workflow, and says what is missing in one line (exit 2)")
    func command() throws {
        let out = try CoursePaths.scratch("classroom-command")
        let missing = try CommandRunner.run(["autograder", "--github", "--out", out.path])
        #expect(missing.status == 2)
        #expect(missing.stderr == "vlm-course: --github needs --grader-repository URL and --grader-commit COMMIT "
            + "(the instructor's course, pinned)\n")
        let written = try CommandRunner.run(["autograder", "--github", "--out", out.path, "--grader-repository",
                                             "https://github.com/teacher/vlm-course", "--grader-commit", Self.commit])
        #expect(written.status == 0)
        let text = try String(contentsOf: out.appendingPathComponent(".github/workflows/classroom.yml"), encoding: .utf8)
        #expect(try Yams.load(yaml: text) as? [String: Any] != nil)
        #expect(text.contains(Self.commit))
    }

    @Test("the setup installs every C library Package.swift names")
    func packages() throws {
        let manifest = try String(contentsOf: CoursePaths.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let packages = manifest.components(separatedBy: ".apt([\"").dropFirst().compactMap { $0.split(separator: "\"").first }
        #expect(packages.count >= 6)
        for package in packages {
            #expect(ClassroomWorkflow.packages.contains(package == "libjpeg62-turbo-dev" ? "libjpeg-dev" : String(package)))
        }
    }
}
