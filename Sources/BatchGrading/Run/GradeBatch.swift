import Contracts
import Foundation

/// `vlm-course grade` as a function: lock the output folder, prepare the course, check the space
/// and the sandbox, grade, export.
public enum GradeBatch {
    public struct Outcome: Sendable {
        public let totals: BatchRun.Totals
        public let grades: [StudentGrade]
        public let similarity: SimilarityReport
        /// Every student has a final grade, saved, and the exports are written (exit status 0).
        public var complete: Bool { totals.errors.isEmpty && totals.graderErrors.isEmpty }
    }

    public static func run(_ configuration: BatchConfiguration, progress makeProgress: (Int) -> ProgressDisplay) throws -> Outcome {
        try configuration.validate()
        let entries = try SubmissionEntry.scan(configuration.submissions)
        let progress = makeProgress(entries.count)
        let lock = try RunLock(out: configuration.out, wait: configuration.wait) {
            progress.note("waiting for the other run on \(configuration.out.path) to finish (\($0))")
        }
        defer { lock.release() }
        if let previous = lock.tookOverFrom {
            progress.note("the previous run on this folder (\(previous)) ended without finishing; taking over")
        }
        let work = try workFolder(configuration)
        defer { if configuration.scratch != nil { try? FileManager.default.removeItem(at: work) } }
        let buildFolder = try configuration.buildFolder ?? CourseArtifacts.build(root: configuration.courseRoot)
        try SpacePreflight.check(work: work, out: configuration.out, students: entries.count, jobs: configuration.jobs,
                                 library: buildFolder.appendingPathComponent("libCourseKit.a"))
        let artifacts = try CourseArtifacts(root: configuration.courseRoot, buildFolder: buildFolder, work: work)
        var cgroups: PidsCgroups?
        var sandbox = Sandbox.disabled
        if configuration.sandboxed {
            cgroups = PidsCgroups.make(jobs: configuration.jobs, maxTasks: Sandbox.Limits().processes)
            sandbox = try Sandbox(launcherFolder: work, hidden: [configuration.submissions, configuration.out, work],
                                  readable: [artifacts.fixtures], cgroups: cgroups)
            try sandbox.probe(scratch: work.appendingPathComponent("probe"))
        }
        defer { cgroups?.remove() }
        let gradebook = try Gradebook(url: configuration.out.appendingPathComponent("gradebook.sqlite"))
        let grader = StudentGrader(artifacts: artifacts, sandbox: sandbox, rubric: configuration.rubric,
                                   timeout: configuration.timeout, work: work, compileLimits: configuration.compileLimits)
        progress.begin(jobs: configuration.jobs, sandboxed: sandbox.isEnabled)
        var totals = BatchRun(grader: grader, gradebook: gradebook, entries: entries, jobs: configuration.jobs,
                              regrade: configuration.regrade, progress: progress).run()
        let students = Set(entries.map(\.student))
        var grades: [StudentGrade] = []
        var similarity = SimilarityReport([])
        do {
            grades = try gradebook.all().filter { students.contains($0.student) }
            try Exports.write(grades, to: configuration.out)
            similarity = try SimilarityRun.write(entries: entries, courseRoot: configuration.courseRoot, out: configuration.out,
                                                 scratch: work.appendingPathComponent("similarity"))
        } catch {
            totals.errors.append("the exports could not be written (\(error)); the previous ones are left whole, "
                + "and the gradebook keeps every saved grade: run again to write them")
        }
        return Outcome(totals: totals, grades: grades, similarity: similarity)
    }

    /// `out/.work`, or a new folder of this run's own inside `--scratch` (removed at the end).
    private static func workFolder(_ configuration: BatchConfiguration) throws -> URL {
        guard let scratch = configuration.scratch else { return configuration.out.appendingPathComponent(".work") }
        var template = Array(scratch.appendingPathComponent("vlm-course-grade.XXXXXX").path.utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap(mkdtemp) }) else {
            throw BatchConfiguration.Invalid("cannot create a folder in \(scratch.path): \(String(cString: strerror(errno)))")
        }
        return URL(fileURLWithPath: String(cString: made))
    }
}
