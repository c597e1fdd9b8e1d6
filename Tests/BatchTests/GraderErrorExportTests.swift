@testable import BatchGrading
import Contracts
import Foundation
import Testing

/// A grader-error is no grade: every export says so instead of showing points.
@Suite("Exports of a grader-error")
struct GraderErrorExportTests {
    static let cause = "the grader failed, not the student's code (causal-mask): the sandbox could not start the piece: bwrap: x"
    static let grade = StudentGrade(
        student: "ada", contentHash: "", outcome: .graderError, messages: [cause],
        pieces: [
            PieceGrade(piece: "causal-mask", status: "grader-error", points: 0, maxPoints: 10, standIns: [], output: "",
                       checks: [CheckGrade(name: "shape", status: "grader-error", points: 0, maxPoints: 10, message: cause)]),
            PieceGrade(piece: "vlm-mask", status: "pass", points: 10, maxPoints: 10, standIns: [], output: "",
                       checks: [CheckGrade(name: "runs", status: "pass", points: 10, maxPoints: 10, message: "")]),
        ],
        buildSeconds: 0.5, runSeconds: 0.25, gradedAt: Date(timeIntervalSince1970: 0))

    @Test("grades.csv leaves the points and the total empty")
    func csv() {
        let empty = String(repeating: ",", count: Catalog.exercises.count + 1)
        #expect(GradesCSV.render([Self.grade]).split(separator: "\n").last == "ada,grader-error\(empty),20")
    }

    @Test("Gradescope: score 0 and a failed 'Grading' test with the cause")
    func gradescope() throws {
        let json = try JSONSerialization.jsonObject(with: GradescopeResults.render(Self.grade)) as? [String: Any]
        #expect(json?["score"] as? Double == 0)
        #expect((json?["output"] as? String)?.hasPrefix("grader-error: not graded — the grader failed, not your code") == true)
        let first = (json?["tests"] as? [[String: Any]])?.first
        #expect(first?["name"] as? String == "Grading")
        #expect(first?["output"] as? String == Self.cause)
    }

    @Test("feedback says not graded yet and gives the cause; the summary lists the student apart")
    func feedbackAndSummary() {
        let text = FeedbackMarkdown.render(Self.grade)
        #expect(text.contains("**Not graded yet** (grader-error): the grader failed, not your code."))
        #expect(text.contains("✗ causal-mask: not graded: the grader failed, not your code"))
        #expect(text.contains("    " + Self.cause))
        let summary = BatchSummaryTable.render([Self.grade], totals: BatchRun.Totals(graderErrors: ["ada"]))
        #expect(summary.contains("grader error, not graded (graded again next run) (1): ada"))
        #expect(summary.contains("grader errors 1 · mean score 0/20"))
    }

    @Test("a failed atomic write leaves the old file whole and no temporary file")
    func atomicFailure() throws {
        let scratch = try CoursePaths.scratch("atomic")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let target = scratch.appendingPathComponent("grades.csv")
        try AtomicFile.write(Data("old\n".utf8), to: target)
        // The temporary file cannot be made (a folder holds its name): the old file stays.
        let temporary = scratch.appendingPathComponent(".grades.csv.tmp-\(getpid())")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write(Data("new\n".utf8), to: target) }
        #expect(try String(contentsOf: target, encoding: .utf8) == "old\n")
        try FileManager.default.removeItem(at: temporary)
        // The rename fails after the data was written (a folder where the file should go): the
        // temporary file is removed.
        let blocked = scratch.appendingPathComponent("junit.xml")
        try FileManager.default.createDirectory(at: blocked.appendingPathComponent("inside"), withIntermediateDirectories: true)
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write(Data("new\n".utf8), to: blocked) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == ["grades.csv", "junit.xml"])
    }
}
