import Foundation
import Grader
import Testing

@Suite struct ReportTests {
    let exercise = ExerciseReport(id: "vlm-attention", status: .fail, standIns: ["vlm-mask"], checks: [
        CheckResult(name: "a", status: .pass), CheckResult(name: "b", status: .fail, message: "why"),
    ], output: "")

    @Test func jsonHasTheDocumentedFields() throws {
        let json = try GradeReport(exercises: [exercise]).jsonString()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["score"] as? Int == 1)
        #expect(object["maxScore"] as? Int == 2)
        #expect((object["build"] as? [String: Any])?["status"] as? String == "skipped")
        let exercises = try #require(object["exercises"] as? [[String: Any]])
        #expect(exercises.count == 1)
        let e = exercises[0]
        #expect(e["id"] as? String == "vlm-attention")
        #expect(e["status"] as? String == "fail")
        #expect(e["points"] as? Int == 1)
        #expect(e["maxPoints"] as? Int == 2)
        #expect(e["standIns"] as? [String] == ["vlm-mask"])
        let checks = try #require(e["checks"] as? [[String: String]])
        #expect(checks == [["name": "a", "status": "pass", "message": ""], ["name": "b", "status": "fail", "message": "why"]])
    }

    @Test func onlyAllPassingReportsPass() {
        let passing = ExerciseReport(id: "causal-mask", status: .pass, standIns: [], checks: [CheckResult(name: "a", status: .pass)], output: "")
        #expect(GradeReport(exercises: [passing]).allPassed)
        #expect(!GradeReport(exercises: [passing, exercise]).allPassed)
        #expect(!GradeReport(exercises: []).allPassed)
        #expect(!GradeReport(exercises: [passing], build: BuildOutcome(status: .failed, errors: ["x"])).allPassed)
    }

    @Test func humanSummaryStatesTheVerdictAndTheStandIns() {
        #expect(ReportRenderer.summary(exercise) == "✗ vlm-attention: failed 1 of 2 checks, with the reference vlm-mask standing in")
        let rendered = ReportRenderer.render(GradeReport(exercises: [exercise]))
        #expect(rendered.contains("    ✗ b\n        why"))
        #expect(rendered.hasSuffix("Score: 1/2 checks · pieces passed: 0/1"))
    }

    @Test func aFailedBuildShowsTheCompilerErrors() {
        let report = GradeReport(exercises: [], build: BuildOutcome(status: .failed, errors: ["Sources/Exercises/Part1/CausalMask.swift:12:9: error: cannot find 'x' in scope"]))
        #expect(ReportRenderer.render(report) == """
            ✗ Your code does not compile yet. The compiler says:
                Sources/Exercises/Part1/CausalMask.swift:12:9: error: cannot find 'x' in scope
            """)
    }
}
