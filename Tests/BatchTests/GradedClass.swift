import BatchGrading
import Foundation

/// The corpus graded once by the `vlm-course grade` binary (sandboxed, 2 jobs, 5 s per piece),
/// shared by the verdict tests. A separate process: the grader's judging uses the process-wide
/// random generator, which other test suites seed concurrently.
enum GradedClass {
    struct Graded: Sendable {
        let grades: [StudentGrade]
        let out: URL
        let submissions: URL
        /// What `grade` printed: the summary table and the similar pairs.
        let summary: String

        func grade(_ student: String) throws -> StudentGrade {
            guard let grade = grades.first(where: { $0.student == student }) else {
                throw CorpusError("no grade for \(student)")
            }
            return grade
        }

        func status(_ student: String, _ piece: String = "causal-mask") throws -> String? {
            try grade(student).piece(piece)?.status
        }
    }

    static let shared: Result<Graded, any Error> = Result {
        let scratch = try CoursePaths.scratch("class")
        let submissions = scratch.appendingPathComponent("submissions"), out = scratch.appendingPathComponent("out")
        try Corpus.write(into: submissions)
        let result = try CommandRunner.run(["grade", submissions.path, "--out", out.path, "--jobs", "2", "--timeout", "5",
                                            "--build-folder", CoursePaths.buildFolder.path])
        guard result.status == 0 else { throw CorpusError("vlm-course grade exited with \(result.status): \(result.stderr)") }
        let grades = try Gradebook(url: out.appendingPathComponent("gradebook.sqlite")).all()
        return Graded(grades: grades, out: out, submissions: submissions, summary: result.stdout)
    }

    static func get() throws -> Graded { try shared.get() }
}
