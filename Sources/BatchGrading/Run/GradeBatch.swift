import Contracts
import Foundation

/// `vlm-course grade` as a function: prepare the course, probe the sandbox, grade, export.
public enum GradeBatch {
    public struct Outcome: Sendable {
        public let totals: BatchRun.Totals
        public let grades: [StudentGrade]
        public let similarity: SimilarityReport
    }

    public static func run(_ configuration: BatchConfiguration, progress makeProgress: (Int) -> ProgressDisplay) throws -> Outcome {
        try configuration.validate()
        let work = configuration.out.appendingPathComponent(".work")
        let buildFolder = try configuration.buildFolder ?? CourseArtifacts.build(root: configuration.courseRoot)
        let artifacts = try CourseArtifacts(root: configuration.courseRoot, buildFolder: buildFolder, work: work)
        var cgroups: PidsCgroups?
        var sandbox = Sandbox.disabled
        if configuration.sandboxed {
            cgroups = PidsCgroups.make(jobs: configuration.jobs, maxTasks: Sandbox.Limits().processes)
            sandbox = try Sandbox(launcherFolder: work, hidden: [configuration.submissions, configuration.out],
                                  readable: [artifacts.fixtures], cgroups: cgroups)
            try sandbox.probe(scratch: work.appendingPathComponent("probe"))
        }
        defer { cgroups?.remove() }
        let gradebook = try Gradebook(url: configuration.out.appendingPathComponent("gradebook.sqlite"))
        let entries = try SubmissionEntry.scan(configuration.submissions)
        let grader = StudentGrader(artifacts: artifacts, sandbox: sandbox, rubric: configuration.rubric,
                                   timeout: configuration.timeout, work: work)
        let progress = makeProgress(entries.count)
        progress.begin(jobs: configuration.jobs, sandboxed: sandbox.isEnabled)
        let totals = BatchRun(grader: grader, gradebook: gradebook, entries: entries, jobs: configuration.jobs,
                              regrade: configuration.regrade, progress: progress).run()
        let students = Set(entries.map(\.student))
        let grades = try gradebook.all().filter { students.contains($0.student) }
        try Exports.write(grades, to: configuration.out)
        let similarity = try SimilarityRun.write(entries: entries, courseRoot: configuration.courseRoot, out: configuration.out,
                                                 scratch: work.appendingPathComponent("similarity"))
        return Outcome(totals: totals, grades: grades, similarity: similarity)
    }
}
