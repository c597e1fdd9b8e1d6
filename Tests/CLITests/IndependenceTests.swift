import Foundation
import Testing
import TestSupport

/// The course tool keeps working while the learner's code is broken: `vlm-course` never links the
/// learner's code, which runs only in the runner `check` and `plot --mine` build and start.
@Suite struct IndependenceTests {
    /// Each target's dependencies as written in Package.swift (targets of this package only).
    static func manifestDependencies() throws -> [String: [String]] {
        let manifest = try String(contentsOf: BuiltProducts.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        let target = try Regex(#"\.(?:target|executableTarget|testTarget)\(\s*name:\s*"([^"]+)"\s*,\s*dependencies:\s*\[([^\]]*)\]"#)
        let name = try Regex(#""([^"]+)""#)
        var graph: [String: [String]] = [:]
        for match in manifest.matches(of: target) {
            let list = String(match.output[2].substring ?? "")
                .replacing(try Regex(#"\.product\([^)]*\)"#), with: "")
            graph[String(match.output[1].substring ?? "")] = list.matches(of: name).compactMap { $0.output[1].substring.map(String.init) }
        }
        return graph
    }

    static func closure(of target: String, in graph: [String: [String]]) -> Set<String> {
        var seen = Set<String>(), pending = [target]
        while let next = pending.popLast() {
            if seen.insert(next).inserted { pending += graph[next] ?? [] }
        }
        return seen
    }

    @Test func theCourseToolDoesNotDependOnTheLearnersCode() throws {
        let graph = try Self.manifestDependencies()
        let tool = Self.closure(of: "vlm-course", in: graph)
        #expect(tool.contains("Grader") && tool.contains("Lessons") && tool.contains("Figures"))
        #expect(!tool.contains("Exercises"))
        #expect(Self.closure(of: "course-runner", in: graph).contains("Exercises"))
    }

    /// A course copy whose causal mask does not compile.
    static func brokenCourse() throws -> URL {
        let root = try EditLoopTests.makeCourse()
        let file = "Sources/Exercises/Part1/CausalMask.swift"
        let stub = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        try EditLoopTests.write(stub.replacingOccurrences(of: "todo(\"causal-mask\")", with: "return Mask.upperTriangle(seqLen"),
                                to: file, in: root)
        return root
    }

    @Test func everyCommandThatDoesNotRunTheLearnersCodeWorks() throws {
        let root = try Self.brokenCourse()
        let environment = ["VLM_COURSE_ROOT": root.path]
        for arguments in [[], ["show", "1", "--plain", "--no-run"], ["hint", "causal-mask"], ["interview"],
                          ["lessons"], ["plot", "causal", "--plain"]] {
            let run = try CourseBinary.run(arguments, in: root, environment: environment)
            #expect(run.status == 0, "vlm-course \(arguments.joined(separator: " ")): \(run.standardError)")
            #expect(!run.standardOutput.isEmpty)
        }
    }

    @Test func plotMineUsesTheReferenceForTheBrokenFileAndSaysSo() throws {
        let root = try Self.brokenCourse()
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".vlm-course"), withIntermediateDirectories: true)
        try Data(#"{"done": ["causal-mask"]}"#.utf8).write(to: root.appendingPathComponent(".vlm-course/progress.json"))
        let run = try CourseBinary.run(["plot", "causal", "--mine", "--json"], in: root,
                                       environment: ["VLM_COURSE_ROOT": root.path, "PATH": CourseBinary.toolPath])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("Sources/Exercises/Part1/CausalMask.swift does not compile; the reference causal-mask stands in"))
        let reference = try CourseBinary.run(["plot", "causal", "--json"])
        #expect(run.standardOutput == reference.standardOutput)
    }
}
