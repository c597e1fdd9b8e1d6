import Foundation
import Testing
import TestSupport

/// `hint`, `solution` and `reset` on a throwaway copy of the course's files.
@Suite struct LearnerCommandTests {
    /// A course folder with copies of Package.swift, the exercises, the stubs and the solutions.
    static func makeCourse() throws -> URL {
        let fm = FileManager.default
        let url = fm.temporaryDirectory.appendingPathComponent("vlm-course-cli-\(UUID().uuidString)")
        try fm.createDirectory(at: url.appendingPathComponent("Sources"), withIntermediateDirectories: true)
        for item in ["Package.swift", "Stubs", "Sources/Exercises", "Sources/Solutions"] {
            try fm.copyItem(at: BuiltProducts.packageRoot.appendingPathComponent(item), to: url.appendingPathComponent(item))
        }
        return url
    }

    @Test func eachHintCallRevealsTheNextLevelAndIsRemembered() throws {
        let root = try Self.makeCourse()
        let first = try GradingCommandTests.run(["hint", "causal-mask"], root: root)
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("Hint 1/4 for causal-mask:"))
        _ = try GradingCommandTests.run(["hint", "causal-mask"], root: root)
        _ = try GradingCommandTests.run(["hint", "causal-mask"], root: root)
        let fourth = try GradingCommandTests.run(["hint", "causal-mask"], root: root)
        #expect(fourth.stdout.contains("Hint 4/4") && fourth.stdout.contains("Mask.upperTriangle(seqLen, seqLen, diagonal: 1)"))
        #expect(try GradingCommandTests.run(["hint", "causal-mask"], root: root).stdout.hasPrefix("Hint 4/4"))
        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent(".vlm-course/progress.json")))
        #expect((saved as? [String: Any])?["hints"] as? [String: Int] == ["causal-mask": 4])
    }

    @Test func theSolutionStaysHiddenUntilThePiecePassesUnlessForced() throws {
        let root = try Self.makeCourse()
        let hidden = try GradingCommandTests.run(["solution", "vlm-mask"], root: root)
        #expect(hidden.status == 2)
        #expect(hidden.stderr.contains("add --force to see it now"))
        let forced = try GradingCommandTests.run(["solution", "vlm-mask", "--force"], root: root)
        #expect(forced.status == 0)
        #expect(forced.stdout.hasPrefix("// Sources/Exercises/Part3/VLMMask.swift, solved with the reference\nimport Contracts"))
        #expect(forced.stdout.contains("public enum VLMMask: VLMMaskBuilder {"))
        #expect(forced.stdout.contains("for j in (i + 1)..<total { mask[i, j] = true }"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".vlm-course"), withIntermediateDirectories: true)
        try Data(#"{"done": ["vlm-mask"]}"#.utf8).write(to: root.appendingPathComponent(".vlm-course/progress.json"))
        #expect(try GradingCommandTests.run(["solution", "vlm-mask"], root: root).status == 0)
    }

    @Test func resetRestoresTheStubAndKeepsABackup() throws {
        let root = try Self.makeCourse()
        let file = root.appendingPathComponent("Sources/Exercises/Part1/CausalMask.swift")
        try Data("// my attempt\n".utf8).write(to: file)
        let run = try GradingCommandTests.run(["reset", "causal-mask"], root: root)
        #expect(run.status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == (try String(contentsOf: root.appendingPathComponent("Stubs/Part1/CausalMask.swift"), encoding: .utf8)))
        let backups = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".vlm-course/backups").path)
        #expect(backups.count == 1 && backups[0].hasPrefix("CausalMask-"))
        #expect(try String(contentsOf: root.appendingPathComponent(".vlm-course/backups/\(backups[0])"), encoding: .utf8) == "// my attempt\n")
    }

    @Test func unknownIdsAreRejectedByEveryLearnerCommand() throws {
        let root = try Self.makeCourse()
        for command in ["hint", "solution", "reset"] {
            let run = try GradingCommandTests.run([command, "nope"], root: root)
            #expect(run.status == 2)
            #expect(run.stderr.hasPrefix("vlm-course: unknown exercise \"nope\"; use one of causal-mask"))
        }
    }
}
