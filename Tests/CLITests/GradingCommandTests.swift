import Foundation
import Testing
import TestSupport

/// Runs the built `vlm-course` binary and checks its output and exit status.
@Suite struct GradingCommandTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], root: URL? = BuiltProducts.packageRoot, directory: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltProducts.path("vlm-course"))
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["VLM_COURSE_ROOT"] = root?.path
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()  // drain before waiting
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func theReferenceSolutionsPassAsJSONWithExitZero() throws {
        let run = try Self.run(["check", "--no-build", "--solutions", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let exercises = try #require(object["exercises"] as? [[String: Any]])
        #expect(exercises.compactMap { $0["id"] as? String } == [
            "causal-mask", "scaled-dot-product-attention", "patch-embedding", "vit-attention",
            "vlm-mask", "vision-projection", "vlm-attention",
            "image-block-mask", "prefix-lm-mask", "sliding-window-mask", "gated-cross-attention",
            "attention-rollout", "mean-attention-distance", "attention-entropy",
        ])
        #expect(exercises.allSatisfy { $0["status"] as? String == "pass" && $0["points"] as? Int == $0["maxPoints"] as? Int })
        #expect(exercises.allSatisfy { ($0["standIns"] as? [String]) == [] && ($0["checks"] as? [[String: Any]])?.isEmpty == false })
        #expect(object["score"] as? Int == object["maxScore"] as? Int)
        #expect((object["maxScore"] as? Int ?? 0) >= 35)
    }

    @Test func aPartSelectsItsPiecesInTheHumanReport() throws {
        let run = try Self.run(["check", "part3", "--no-build", "--solutions"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("✓ vlm-mask: passed"))
        #expect(run.stdout.contains("✓ vlm-attention: passed (8/8 checks)"))
        #expect(!run.stdout.contains("causal-mask"))
    }

    @Test func anUnknownIdIsAOneLineErrorWithNonZeroExit() throws {
        let run = try Self.run(["check", "causal-msk", "--no-build"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("vlm-course: unknown exercise or part \"causal-msk\"; use an id (causal-mask, "))
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(!run.stderr.contains("Fatal error"))
    }

    @Test func aBadTimeoutIsRejected() throws {
        let run = try Self.run(["check", "--timeout", "0", "--no-build"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--timeout must be a positive number of seconds"))
    }

    @Test func outsideACourseTheErrorSaysWhatToDo() throws {
        let run = try Self.run(["check", "--no-build"], root: nil, directory: URL(fileURLWithPath: "/"))
        #expect(run.status == 2)
        #expect(run.stderr.contains("no course found in / or its parents"))
        #expect(run.stderr.contains("set VLM_COURSE_ROOT"))
    }

    @Test func theRunnerWithoutTheGradersChannelRefusesToRun() throws {
        let runner = URL(fileURLWithPath: BuiltProducts.path("course-runner"))
        let run = try CourseBinary.run(["causal-mask", "--fixtures", "/tmp"], executable: runner)
        #expect(run.status == 1)
        #expect(run.standardError.contains("the runner is started by `vlm-course check`"))
    }
}
