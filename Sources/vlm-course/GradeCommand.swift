import Contracts
import ArgumentParser
import BatchGrading
import Foundation
import Grader

extension VLMCourse {
    /// `vlm-course grade`: the instructor's batch grading of a whole class.
    struct Grade: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grade a class: every entry of SUBMISSIONS is one student (folder, .zip or .tar.gz).",
            discussion: """
                Each student's files are compiled against the prebuilt course (without the solutions) and graded \
                exactly as `vlm-course check` grades, each piece in a bubblewrap sandbox. Results go to \
                OUT/gradebook.sqlite and the exports (grades.csv, results.json, junit.xml, gradescope/, feedback/), and \
                OUT/similarity.csv compares every pair of students per piece (for the instructor only). \
                A rerun skips unchanged submissions. Exit status: 0 when grading completed (whatever the grades), 1 when \
                a grade could not be saved, 2 on bad arguments or when the sandbox cannot start.
                """)

        @Argument(help: "Folder with one entry per student.") var submissions: String?
        @Option(help: "Output folder (gradebook and exports).") var out: String?
        @Option(help: "Students graded at once.") var jobs = 2
        @Option(help: "Seconds each piece may run.") var timeout = 10
        @Option(help: "JSON file with points per piece and check (default: 10 points per piece).") var rubric: String?
        @Flag(help: "Grade every submission again, even unchanged ones.") var regrade = false
        @Flag(help: "Run student code without the bubblewrap sandbox (only for trusted code).") var noSandbox = false
        @Option(help: ArgumentHelp("List pairs whose code similarity (0 to 1, see similarity.csv) is at least this.",
                                   valueName: "score")) var similarityThreshold = SimilarityReport.defaultThreshold
        @Option(help: .hidden) var buildFolder: String?

        func run() throws {
            try reportingErrors {
                let configuration = try makeConfiguration()
                let outcome = try GradeBatch.run(configuration) { ProgressDisplay(total: $0) }
                print(BatchSummaryTable.render(outcome.grades, totals: outcome.totals))
                print(outcome.similarity.summary(threshold: similarityThreshold).joined(separator: "\n"))
                print("Gradebook and exports: \(configuration.out.path)")
                if !outcome.totals.errors.isEmpty { throw ExitCode(1) }
            }
        }

        private func makeConfiguration() throws -> BatchConfiguration {
            guard let submissions else { throw BatchConfiguration.Invalid("name the submissions folder: vlm-course grade SUBMISSIONS --out OUT") }
            guard let out else { throw BatchConfiguration.Invalid("name the output folder with --out OUT") }
            guard (0...1).contains(similarityThreshold) else {
                throw BatchConfiguration.Invalid("--similarity-threshold must be between 0 and 1 (got \(similarityThreshold))")
            }
            var configuration = BatchConfiguration(submissions: URL(fileURLWithPath: submissions),
                                                   out: URL(fileURLWithPath: out), courseRoot: try CourseRoot.locate().url)
            configuration.jobs = jobs
            configuration.timeout = timeout
            configuration.regrade = regrade
            configuration.sandboxed = !noSandbox
            configuration.buildFolder = buildFolder.map { URL(fileURLWithPath: $0) }
            if let rubric { configuration.rubric = try Rubric.load(URL(fileURLWithPath: rubric)) }
            return configuration
        }
    }
}
