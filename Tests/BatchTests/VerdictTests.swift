import BatchGrading
import Foundation
import Testing

/// Every submission of the corpus gets its own honest verdict.
@Suite("Verdicts of the corpus")
struct VerdictTests {
    @Test("the solutions score full marks")
    func correct() throws {
        let grade = try GradedClass.get().grade("correct")
        #expect(grade.outcome == .graded)
        #expect(grade.pieces.map(\.status) == Array(repeating: "pass", count: FullMarks.pieceCount))
        #expect(grade.score == FullMarks.total)
        #expect(grade.maxScore == FullMarks.total)
        #expect(grade.contentHash.count == 64)
    }

    @Test("part 1 done, the rest todo")
    func partlyDone() throws {
        let grade = try GradedClass.get().grade("partly-done")
        #expect(grade.pieces.map(\.status) == ["pass", "pass"] + Array(repeating: "todo", count: FullMarks.pieceCount - 2))
        #expect(grade.score == 20)
    }

    @Test("a wrong causal mask fails, and attention is graded with the reference mask standing in")
    func wrong() throws {
        let grade = try GradedClass.get().grade("wrong")
        #expect(grade.piece("causal-mask")?.status == "fail")
        #expect(grade.piece("causal-mask")?.checks.first { $0.status == "fail" }?.message.isEmpty == false)
        #expect(grade.piece("scaled-dot-product-attention")?.status == "pass")
        #expect(grade.piece("scaled-dot-product-attention")?.standIns == ["causal-mask"])
        #expect(grade.score == FullMarks.total - FullMarks.perPiece + (grade.piece("causal-mask")?.points ?? -1))
    }

    @Test("crashes: a trap, unbounded recursion, an allocation beyond the limit, exit(0)",
          arguments: ["trap", "deep-recursion", "huge-allocation", "early-exit"])
    func crashes(student: String) throws {
        let graded = try GradedClass.get()
        #expect(try graded.status(student) == "crash")
        #expect(try graded.status(student, "vlm-mask") == "pass")
        #expect(try graded.grade(student).piece("causal-mask")?.points == 0)
    }

    @Test("the crash messages name the cause")
    func crashMessages() throws {
        let graded = try GradedClass.get()
        let message = { (student: String) in
            try graded.grade(student).piece("causal-mask")?.checks.first?.message ?? ""
        }
        #expect(try message("trap").contains("Swift trap") || message("trap").contains("Fatal error"))
        #expect(try message("deep-recursion").contains("SIGSEGV"))
        #expect(try message("early-exit").contains("exited before finishing"))
    }

    @Test("an infinite loop and endless output time out; the output is truncated",
          arguments: ["infinite-loop", "huge-output"])
    func timeouts(student: String) throws {
        let graded = try GradedClass.get()
        #expect(try graded.status(student) == "timeout")
        #expect(try graded.status(student, "patch-embedding") == "pass")
    }

    @Test("endless output is kept only up to the cap")
    func outputCapped() throws {
        let output = try GradedClass.get().grade("huge-output").piece("causal-mask")?.output ?? ""
        #expect(output.contains("output truncated"))
        #expect(output.utf8.count < 20_000)
    }

    @Test("printing a fake verdict does not pass a wrong mask")
    func fakePassed() throws {
        let grade = try GradedClass.get().grade("fake-passed")
        #expect(grade.piece("causal-mask")?.status == "fail")
        #expect(grade.piece("causal-mask")?.output.contains("passed (5/5 checks)") == true)
    }

    /// The sandbox shows the runner, the system and the fixtures, not the course: reading the
    /// reference's source or running the course's binary fails, so these right-only-if-it-works masks fail.
    @Test("the course's sources and binaries are out of reach", arguments: ["reads-reference", "runs-course"])
    func courseOutOfReach(student: String) throws {
        let grade = try GradedClass.get().grade(student)
        #expect(grade.piece("causal-mask")?.status == "fail")
        #expect(grade.piece("vlm-mask")?.status == "pass")
    }

    @Test("a background process does not outlive or disturb the piece")
    func fork() throws {
        #expect(try GradedClass.get().status("fork") == "pass")
    }

    @Test("student code sees neither the other submissions nor a writable course")
    func snoop() throws {
        defer { try? FileManager.default.removeItem(at: Corpus.snoopTrace) }
        #expect(try GradedClass.get().status("snoop") == "pass")
        #expect(!FileManager.default.fileExists(atPath: Corpus.snoopTrace.path))
    }

    /// One file that does not compile costs that piece, not the student's grade: its stub stands in
    /// so the other files build and are graded.
    @Test("a piece's file that does not compile is that piece's compile-error; the others are graded")
    func compileError() throws {
        let grade = try GradedClass.get().grade("compile-error")
        #expect(grade.outcome == .graded)
        let mask = try #require(grade.piece("causal-mask"))
        #expect(mask.status == "compile-error" && mask.points == 0)
        #expect(mask.checks.allSatisfy { $0.status == "compile-error" && $0.message.contains("Part1/CausalMask.swift:") })
        #expect(mask.checks.first?.message.contains("error:") == true)
        #expect(grade.pieces.filter { $0.piece != "causal-mask" }.allSatisfy { $0.status == "pass" })
        #expect(grade.score == FullMarks.total - mask.maxPoints)
    }

    @Test("a piece's type declared as a struct still links (the runner is recompiled for it)")
    func structMask() throws {
        let grade = try GradedClass.get().grade("struct-mask")
        #expect(grade.outcome == .graded)
        #expect(grade.score == FullMarks.total)
    }

    @Test("a piece's type without its protocol is a compile verdict that says so")
    func noConformance() throws {
        let grade = try GradedClass.get().grade("no-conformance")
        #expect(grade.outcome == .compileError)
        #expect(grade.messages.first?.contains("the course cannot use them") == true)
        #expect(grade.messages.contains { $0.contains("CausalMaskBuilder") })
    }

    @Test("importing the solutions is a compile verdict")
    func importsSolutions() throws {
        let grade = try GradedClass.get().grade("imports-solutions")
        #expect(grade.outcome == .compileError)
        #expect(grade.messages.contains { $0.contains("import Solutions") })
        #expect(grade.score == 0)
    }

    @Test("an empty folder and a stray file get their own verdicts")
    func emptyAndRejected() throws {
        let graded = try GradedClass.get()
        #expect(try graded.grade("empty").outcome == .empty)
        #expect(try graded.grade("notes.txt").outcome == .rejected)
        #expect(try graded.grade("notes.txt").messages.first?.contains("neither a folder") == true)
    }

    @Test("a course checkout packed as .tar.gz is found and graded")
    func checkoutTarball() throws {
        let grade = try GradedClass.get().grade("checkout")
        #expect(grade.outcome == .graded)
        #expect(grade.score == FullMarks.total)
    }

    @Test("a zip with ../, absolute paths and a symlink: those entries are skipped, the rest graded")
    func evilZip() throws {
        let grade = try GradedClass.get().grade("evil-zip")
        #expect(grade.outcome == .graded)
        #expect(grade.score == FullMarks.total)
        #expect(grade.messages.filter { $0.contains("leaves the submission") }.count == 2)
        #expect(grade.messages.contains { $0.contains("Link.swift") && $0.contains("only regular files") })
        let escaped = FileManager.default.temporaryDirectory.appendingPathComponent(EvilZip.escapeName)
        #expect(!FileManager.default.fileExists(atPath: escaped.path))
    }

    @Test("every student of the folder is in the gradebook, graded once")
    func everyoneOnce() throws {
        let graded = try GradedClass.get()
        let entries = try SubmissionEntry.scan(graded.submissions)
        #expect(graded.grades.map(\.student).sorted() == entries.map(\.student).sorted())
        let counts = try Gradebook(url: graded.out.appendingPathComponent("gradebook.sqlite")).saveCounts()
        #expect(Set(counts.values) == [1])
    }
}
