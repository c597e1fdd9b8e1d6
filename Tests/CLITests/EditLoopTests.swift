import Contracts
import Foundation
import Grader
import Testing
import TestSupport

/// The real loop: `vlm-course check` rebuilds the learner's files (direct swiftc path, against this
/// package's prebuilt objects) before grading. Runs on a course copy whose exercises the test writes.
@Suite struct EditLoopTests {
    /// A course whose `Sources/Exercises` is a fresh copy (not links: the test edits it) and whose
    /// other sources, lessons, fixtures and `.build/debug` are this package's (symlinked).
    static func makeCourse() throws -> URL {
        let fm = FileManager.default, package = BuiltProducts.packageRoot
        let url = fm.temporaryDirectory.appendingPathComponent("vlm-course-loop-\(UUID().uuidString)")
        for folder in ["Sources", "Tests", ".build"] {
            try fm.createDirectory(at: url.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for item in ["Package.swift", "Stubs", "Sources/Exercises"] {
            try fm.copyItem(at: package.appendingPathComponent(item), to: url.appendingPathComponent(item))
        }
        let modules = try fm.contentsOfDirectory(atPath: package.appendingPathComponent("Sources").path)
            .filter { $0 != "Exercises" }.map { "Sources/" + $0 }
        for item in modules + ["lessons", "Tests/Fixtures"] {
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
        let solution = try SolvedFile.text(.causalMask, root: CourseRoot(BuiltProducts.packageRoot))
        try Self.write(solution, to: "Sources/Exercises/Part1/CausalMask.swift", in: root)
        let run = try GradingCommandTests.run(["check", "causal-mask", "--json"], root: root)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["build"] as? [String: Any])?["status"] as? String == "succeeded")
        #expect((object["exercises"] as? [[String: Any]])?.first?["status"] as? String == "pass")
        let progress = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent(".vlm-course/progress.json")))
        #expect((progress as? [String: Any])?["done"] as? [String] == ["causal-mask"])
    }

    /// A file that does not compile is that piece's `compile-error`, with the compiler's message; its
    /// stub stands in so the other pieces still build and are graded.
    @Test func aCompileErrorIsThePiecesVerdictAndTheOthersAreGraded() throws {
        let root = try Self.makeCourse()
        let file = "Sources/Exercises/Part1/CausalMask.swift"
        let stub = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        try Self.write(stub.replacingOccurrences(of: "todo(\"causal-mask\")", with: "return Mask.upperTriangle(seqLen)"),
                       to: file, in: root)
        let solution = try SolvedFile.text(.vlmMask, root: CourseRoot(BuiltProducts.packageRoot))
        try Self.write(solution, to: "Sources/Exercises/Part3/VLMMask.swift", in: root)
        let run = try GradingCommandTests.run(["check", "--json"], root: root)
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let build = try #require(object["build"] as? [String: Any])
        #expect(build["status"] as? String == "succeeded")
        #expect((build["stubbed"] as? [String: [String]])?.keys.sorted() == ["causal-mask"])
        let statuses = (object["exercises"] as? [[String: Any]] ?? []).map { "\($0["id"] ?? ""): \($0["status"] ?? "")" }
        #expect(statuses == ["causal-mask: compile-error", "scaled-dot-product-attention: todo", "patch-embedding: todo",
                             "vit-attention: todo", "vlm-mask: pass", "vision-projection: todo", "vlm-attention: todo",
                             "image-block-mask: todo", "prefix-lm-mask: todo", "sliding-window-mask: todo",
                             "gated-cross-attention: todo"])
        let text = try GradingCommandTests.run(["check", "causal-mask"], root: root)
        #expect(text.status == 1)
        #expect(text.stdout.hasPrefix("✗ causal-mask: does not compile"))
        #expect(text.stdout.contains("\(file):"))
        #expect(text.stdout.contains("error: missing argument for parameter #2 in call"))
    }

    /// An error that cannot be pinned on a piece's file (here a file of the learner's own) stops the
    /// build: exit 3 with the compiler's message.
    @Test func anErrorOutsideThePiecesFilesStopsTheBuild() throws {
        let root = try Self.makeCourse()
        try Self.write("let broken: Int = \"text\"\n", to: "Sources/Exercises/Helpers.swift", in: root)
        let run = try GradingCommandTests.run(["check", "causal-mask"], root: root)
        #expect(run.status == 3)
        #expect(run.stdout.hasPrefix("✗ Your code does not compile yet. The compiler says:\n    Sources/Exercises/Helpers.swift:1:"))
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
