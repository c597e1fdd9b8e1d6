import BatchGrading
import Foundation

/// The corpus graded once (sandboxed, 2 jobs, 5 s per piece), shared by the verdict tests.
enum GradedClass {
    struct Graded: Sendable {
        let outcome: GradeBatch.Outcome
        let out: URL
        let submissions: URL

        func grade(_ student: String) throws -> StudentGrade {
            guard let grade = outcome.grades.first(where: { $0.student == student }) else {
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
        var configuration = BatchConfiguration(submissions: submissions, out: out, courseRoot: CoursePaths.root)
        configuration.buildFolder = CoursePaths.buildFolder
        configuration.timeout = 5
        configuration.jobs = 2
        let outcome = try GradeBatch.run(configuration) { ProgressDisplay(total: $0, isTerminal: false) }
        return Graded(outcome: outcome, out: out, submissions: submissions)
    }

    static func get() throws -> Graded { try shared.get() }
}
