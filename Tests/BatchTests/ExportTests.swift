@testable import BatchGrading
import Foundation
import Testing

/// The exports, from a hand-made gradebook row.
@Suite("Exports")
struct ExportTests {
    static let grade = StudentGrade(
        student: "ada, \"the\" first", contentHash: String(repeating: "a", count: 64), outcome: .graded, messages: ["a note"],
        pieces: [
            PieceGrade(piece: "causal-mask", status: "fail", points: 5, maxPoints: 10, standIns: [], output: "<hi & bye>",
                       checks: [CheckGrade(name: "shape", status: "pass", points: 5, maxPoints: 5, message: ""),
                                CheckGrade(name: "values", status: "fail", points: 0, maxPoints: 5, message: "got 1 <want 0>")]),
            PieceGrade(piece: "vlm-mask", status: "crash", points: 0, maxPoints: 10, standIns: ["causal-mask"], output: "boom",
                       checks: [CheckGrade(name: "runs", status: "crash", points: 0, maxPoints: 10, message: "crashed with signal 4")]),
        ],
        buildSeconds: 0.5, runSeconds: 0.25, gradedAt: Date(timeIntervalSince1970: 0))

    @Test("grades.csv: one quoted row per student, a column per piece, total and max")
    func csv() {
        let lines = GradesCSV.render([Self.grade]).split(separator: "\n")
        #expect(lines[0] == "student,outcome,causal-mask,scaled-dot-product-attention,patch-embedding,vit-attention,"
            + "vlm-mask,vision-projection,vlm-attention,image-block-mask,prefix-lm-mask,sliding-window-mask,"
            + "gated-cross-attention,total,max")
        #expect(lines[1] == "\"ada, \"\"the\"\" first\",graded,5,0,0,0,0,0,0,0,0,0,0,5,20")
    }

    @Test("Gradescope results.json has the spec's fields")
    func gradescope() throws {
        let json = try JSONSerialization.jsonObject(with: GradescopeResults.render(Self.grade)) as? [String: Any]
        #expect(json?["score"] as? Double == 5)
        #expect(json?["execution_time"] as? Double == 0.75)
        let tests = json?["tests"] as? [[String: Any]] ?? []
        #expect(tests.count == 3)
        #expect(tests.map { $0["status"] as? String } == ["passed", "failed", "failed"])
        #expect(tests.map { $0["max_score"] as? Double } == [5, 5, 10])
        #expect(tests.map { $0["name"] as? String } == ["causal-mask: shape", "causal-mask: values", "vlm-mask: runs"])
        #expect(tests.allSatisfy { $0["visibility"] as? String == "visible" && $0["output"] is String })
        #expect((tests[2]["output"] as? String)?.contains("causal-mask standing in") == true)
    }

    @Test("junit.xml counts failures and errors and escapes text")
    func junit() {
        let xml = JUnitReport.render([Self.grade])
        #expect(xml.contains("<testsuites name=\"vlm-course grade\" tests=\"3\" failures=\"1\" errors=\"1\" skipped=\"0\">"))
        #expect(xml.contains("<failure message=\"got 1 &lt;want 0&gt;\">"))
        #expect(xml.contains("<error type=\"crash\""))
        #expect(xml.contains("classname=\"ada, &quot;the&quot; first.causal-mask\""))
    }

    @Test("the feedback file shows the score and the learner's report")
    func feedback() {
        let text = FeedbackMarkdown.render(Self.grade)
        #expect(text.contains("**Score: 5 / 20** (graded)"))
        #expect(text.contains("| vlm-mask | crash (reference causal-mask stood in) | 0 / 10 |"))
        #expect(text.contains("✗ causal-mask: failed 1 of 2 checks"))
        #expect(text.contains("got 1 <want 0>"))
    }

    @Test("the gradebook returns what was saved, and a save replaces the student's rows")
    func gradebookRoundTrip() throws {
        let scratch = try CoursePaths.scratch("gradebook")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let gradebook = try Gradebook(url: scratch.appendingPathComponent("g.sqlite"))
        try gradebook.save(Self.grade, rubric: "r1")
        try gradebook.save(Self.grade, rubric: "r2")
        #expect(try gradebook.all() == [Self.grade])
        #expect(try gradebook.gradedVersion(of: Self.grade.student)?.rubric == "r2")
        #expect(try gradebook.saveCounts() == [Self.grade.student: 2])
    }
}
