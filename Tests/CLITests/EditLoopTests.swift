import Foundation
import Testing
import TestSupport

/// The real loop: `vlm-course check` rebuilds the learner's files (direct swiftc path, against this
/// package's prebuilt objects) before grading. Runs on a course copy whose exercises the test writes.
@Suite struct EditLoopTests {
    /// A course whose `Sources/Exercises` is a fresh copy and whose libraries, fixtures and
    /// `.build/debug` are this package's (symlinked).
    static func makeCourse() throws -> URL {
        let fm = FileManager.default, package = BuiltProducts.packageRoot
        let url = fm.temporaryDirectory.appendingPathComponent("vlm-course-loop-\(UUID().uuidString)")
        for folder in ["Sources", "Tests", ".build"] {
            try fm.createDirectory(at: url.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for item in ["Package.swift", "Stubs", "Sources/Exercises"] {
            try fm.copyItem(at: package.appendingPathComponent(item), to: url.appendingPathComponent(item))
        }
        for item in ["Sources/TensorKit", "Sources/Contracts", "Sources/Solutions", "Sources/Grader", "Sources/COpenBLAS", "Sources/TensorKernels",
                     "Tests/Fixtures"] {
            try fm.createSymbolicLink(at: url.appendingPathComponent(item), withDestinationURL: package.appendingPathComponent(item))
        }
        try fm.createSymbolicLink(at: url.appendingPathComponent(".build/debug"), withDestinationURL: BuiltProducts.directory)
        return url
    }

    static func write(_ text: String, to relative: String, in root: URL) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(relative))
    }

    @Test func aSolvedPieceIsRebuiltGradedAndRecorded() throws {
        let root = try Self.makeCourse()
        let solution = try String(contentsOf: BuiltProducts.packageRoot.appendingPathComponent("Sources/Solutions/Part1/CausalMask.swift"), encoding: .utf8)
        try Self.write(solution, to: "Sources/Exercises/Part1/CausalMask.swift", in: root)
        let run = try GradingCommandTests.run(["check", "causal-mask", "--json"], root: root)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["build"] as? [String: Any])?["status"] as? String == "succeeded")
        #expect((object["exercises"] as? [[String: Any]])?.first?["status"] as? String == "pass")
        let progress = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent(".vlm-course/progress.json")))
        #expect((progress as? [String: Any])?["done"] as? [String] == ["causal-mask"])
    }

    @Test func aCompileErrorIsTheVerdictWithTheCompilersMessage() throws {
        let root = try Self.makeCourse()
        let file = "Sources/Exercises/Part1/CausalMask.swift"
        let stub = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        try Self.write(stub.replacingOccurrences(of: "todo(\"causal-mask\")", with: "return Mask.upperTriangle(seqLen)"),
                       to: file, in: root)
        let run = try GradingCommandTests.run(["check", "causal-mask"], root: root)
        #expect(run.status == 3)
        #expect(run.stdout.hasPrefix("✗ Your code does not compile yet. The compiler says:\n    \(file):"))
        #expect(run.stdout.contains("error: missing argument for parameter #2 in call"))
    }

    @Test func aWrongAnswerFailsAndTheStubsOfOtherPiecesStayTodo() throws {
        let root = try Self.makeCourse()
        let file = "Sources/Exercises/Part1/CausalMask.swift"
        let stub = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        try Self.write(stub.replacingOccurrences(of: "todo(\"causal-mask\")",
                                                 with: "return Mask.upperTriangle(seqLen, seqLen, diagonal: 0)"), to: file, in: root)
        let run = try GradingCommandTests.run(["check", "part1"], root: root)
        #expect(run.status == 1)
        #expect(run.stdout.contains("✗ causal-mask: failed 2 of 5 checks"))
        #expect(run.stdout.contains("· scaled-dot-product-attention: not started (todo), with the reference causal-mask standing in"))
    }

    @Test func importingTheReferenceIsRefusedBeforeBuilding() throws {
        let root = try Self.makeCourse()
        let file = "Sources/Exercises/Part3/VLMMask.swift"
        let stub = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        try Self.write(stub.replacingOccurrences(of: "import Contracts\n", with: "import Contracts\n@testable import Solutions\n"),
                       to: file, in: root)
        let run = try GradingCommandTests.run(["check", "vlm-mask"], root: root)
        #expect(run.status == 3)
        #expect(run.stdout.contains("\(file):2: error: exercises may not import Solutions"))
    }
}
