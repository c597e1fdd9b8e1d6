@testable import BatchGrading
import Foundation
import Testing

/// The bundle's `run_autograder`, run as Gradescope runs it, on a fake `/autograder` layout
/// (`AUTOGRADER_ROOT`): `source/` holds the bundle, `submission/` the student's files, and
/// `results/results.json` must follow Gradescope's schema (gradescope/autograder_samples
/// `docs/specs.md`). The bundle's course uses the tests' own build as its release build.
@Suite("Gradescope run_autograder, end to end")
struct GradescopeEndToEndTests {
    static let topLevelKeys: Set = ["score", "execution_time", "output", "output_format", "test_output_format",
                                    "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard"]
    static let testKeys: Set = ["score", "max_score", "status", "name", "name_format", "number", "output", "output_format",
                                "tags", "visibility", "extra_data"]
    static let visibilities: Set = ["hidden", "after_due_date", "after_published", "visible"]

    @Test("a correct, a wrong and a non-compiling submission", arguments: ["correct", "wrong", "compile-error"])
    func submission(kind: String) throws {
        let root = try CoursePaths.scratch("gradescope-\(kind)")
        let source = root.appendingPathComponent("source")
        try AutograderBundle(courseRoot: CoursePaths.root, rubric: nil).write(to: source)
        let build = source.appendingPathComponent("course/.build")
        try FileManager.default.createDirectory(at: build, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: build.appendingPathComponent("release"),
                                                   withDestinationURL: CoursePaths.buildFolder)
        try Corpus.solved(root.appendingPathComponent("submission"), causalMask: Corpus.causalMaskVariants[kind])
        try FileManager.default.createDirectory(at: root.appendingPathComponent("results"), withIntermediateDirectories: true)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [source.appendingPathComponent("run_autograder").path]
        process.environment = ProcessInfo.processInfo.environment.merging(["AUTOGRADER_ROOT": root.path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let data = try Data(contentsOf: root.appendingPathComponent("results/results.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Self.schemaProblems(json).isEmpty, "\(Self.schemaProblems(json))")
        let tests = json["tests"] as? [[String: Any]] ?? []
        let score = try #require(json["score"] as? Double)
        let testScores = tests.compactMap { $0["score"] as? Double }
        #expect(abs(testScores.reduce(0, +) - score) < 1e-9)
        let failed = tests.filter { $0["status"] as? String == "failed" }.compactMap { $0["name"] as? String }
        switch kind {
        case "correct":
            #expect(score == FullMarks.total)
            #expect(failed.isEmpty)
        case "wrong":
            #expect(score >= FullMarks.total - FullMarks.perPiece && score < FullMarks.total)
            #expect(!failed.isEmpty && failed.allSatisfy { $0.hasPrefix("causal-mask: ") })
        default:
            // The causal mask's file does not compile: that piece's compile-error, the rest graded.
            #expect(score == FullMarks.total - FullMarks.perPiece)
            #expect(!failed.isEmpty && failed.allSatisfy { $0.hasPrefix("causal-mask: ") })
            #expect(tests.contains { ($0["output"] as? String)?.contains("Part1/CausalMask.swift:") == true })
        }
    }

    /// What in `json` breaks Gradescope's documented schema (empty when nothing does).
    static func schemaProblems(_ json: [String: Any]) -> [String] {
        var problems = Set(json.keys).subtracting(topLevelKeys).map { "unknown top-level key \($0)" }
        if !(json["score"] is Double) { problems.append("score is not a number") }
        if let visibility = json["visibility"], !visibilities.contains(visibility as? String ?? "") {
            problems.append("visibility \(visibility)")
        }
        guard let tests = json["tests"] as? [[String: Any]], !tests.isEmpty else { return problems + ["no tests"] }
        for (index, test) in tests.enumerated() {
            let name = test["name"] as? String ?? "test \(index)"
            problems += Set(test.keys).subtracting(testKeys).map { "\(name): unknown key \($0)" }
            if test["name"] as? String == nil { problems.append("test \(index) has no name") }
            if !["passed", "failed"].contains(test["status"] as? String ?? "") { problems.append("\(name): status") }
            if !(test["output"] is String) { problems.append("\(name): output is not text") }
            if !visibilities.contains(test["visibility"] as? String ?? "") { problems.append("\(name): visibility") }
            if test["number"] != nil && !(test["number"] is String) { problems.append("\(name): number is not text") }
            switch (test["score"] as? Double, test["max_score"] as? Double) {
            case let (score?, maxScore?): if score < 0 || score > maxScore { problems.append("\(name): score \(score)/\(maxScore)") }
            case (nil, nil): if test["score"] != nil || test["max_score"] != nil { problems.append("\(name): scores not numbers") }
            default: problems.append("\(name): score and max_score must come together")
            }
        }
        return problems
    }
}
