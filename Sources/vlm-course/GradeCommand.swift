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
                A rerun skips unchanged submissions, never a grader-error. One run per OUT at a time. Exit status: 0 \
                when every student got a grade (whatever it is), 1 when a student is a grader-error (the machine \
                failed, not the student) or a grade or export could not be saved, 2 on bad arguments, when another \
                run holds OUT, or when grading cannot start (sandbox, free space, fixtures).
                """)

        @Argument(help: "Folder with one entry per student.") var submissions: String?
        @Option(help: "Output folder (gradebook and exports).") var out: String?
        @Option(help: "Students graded at once.") var jobs = 2
        @Option(help: "Seconds each piece may run.") var timeout = 10
        @Option(help: "JSON file with points per piece and check (default: 10 points per piece).") var rubric: String?
        @Flag(help: "Grade every submission again, even unchanged ones.") var regrade = false
        @Flag(help: "Run student code without the bubblewrap sandbox (only for trusted code).") var noSandbox = false
        @Flag(help: "Wait for another grade run on OUT to finish instead of refusing.") var wait = false
        @Option(help: "Folder for the build work (objects, runners) instead of OUT/.work.") var scratch: String?
        @Option(help: """
            Address space each compiler process may use, e.g. 3G or 600M (at least 512M); a compiler step also \
            has 120 s of CPU and of wall clock, and 256 MiB per file.
            """)
        var compileMemory = "3G"
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
                if !outcome.complete { throw ExitCode(1) }
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
            configuration.wait = wait
            configuration.scratch = scratch.map { URL(fileURLWithPath: $0).standardizedFileURL }
            configuration.compileLimits.memoryBytes = try BatchConfiguration.bytes(compileMemory, option: "--compile-memory")
            configuration.buildFolder = buildFolder.map { URL(fileURLWithPath: $0) }
            if let rubric { configuration.rubric = try Rubric.load(URL(fileURLWithPath: rubric)) }
            return configuration
        }
    }
}
