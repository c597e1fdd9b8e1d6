import Contracts
import Foundation
import Testing
import TestSupport

/// Author checks that assume the exercises are still the shipped stubs: they run with
/// VLM_COURSE_DEV=1 (which `.ci/run` sets) or CI=true, never in a learner's checkout (where solving a
/// piece would fail them).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CI"] == "true"
                    || ProcessInfo.processInfo.environment["VLM_COURSE_DEV"] == "1"))
struct DevCheckTests {
    @Test func devCheckPasses() throws {
        let run = try GradingCommandTests.run(["dev", "check", "--no-build"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("✓ reference vlm-attention passes all 8 checks"))
        #expect(run.stdout.contains("✓ stub vlm-attention reports todo"))
        #expect(run.stdout.hasSuffix("The course is consistent.\n"))
    }

    @Test func everyStubIsTodoWithStandInsForItsDependencies() throws {
        let run = try GradingCommandTests.run(["check", "--no-build", "--json"])
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let exercises = try #require(object["exercises"] as? [[String: Any]])
        #expect(exercises.map { $0["id"] as? String } == PieceID.allCases.map(\.rawValue))
        #expect(exercises.allSatisfy { $0["status"] as? String == "todo" && $0["points"] as? Int == 0 })
        for (exercise, piece) in zip(exercises, PieceID.allCases) {
            #expect(exercise["standIns"] as? [String] == piece.info.dependencies.map(\.rawValue), "\(piece.rawValue)")
        }
        #expect(exercises.contains { ($0["standIns"] as? [String])?.count == 2 })
        #expect(object["score"] as? Int == 0)
    }
}
