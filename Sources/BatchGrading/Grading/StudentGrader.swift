import Contracts
import Foundation
import Grader

/// Grades one submission end to end: prepare the files, compile, run every piece through the
/// grader's own `GradingSession` (stand-ins included) with the runner in the sandbox, score.
public struct StudentGrader: Sendable {
    public let artifacts: CourseArtifacts
    public let sandbox: Sandbox
    public let rubric: Rubric
    /// Seconds each piece may run.
    public let timeout: Int
    /// Folder of the per-student work folders.
    public let work: URL
    public var build: StudentBuild

    public init(artifacts: CourseArtifacts, sandbox: Sandbox, rubric: Rubric, timeout: Int, work: URL,
                compileLimits: CompileLimits = CompileLimits()) {
        self.artifacts = artifacts
        self.sandbox = sandbox
        self.rubric = rubric
        self.timeout = timeout
        self.work = work
        build = StudentBuild(artifacts: artifacts,
                             sandbox: sandbox.compiling(readable: artifacts.compilerReadable, limits: compileLimits))
    }

    /// Unpacks and hashes `entry` (what a rerun compares to skip unchanged submissions).
    public func prepare(_ entry: SubmissionEntry) -> Result<PreparedSubmission, Error> {
        Result { try PreparedSubmission.prepare(entry, stubs: artifacts.stubs, work: folder(entry)) }
    }

    /// The hash a rerun compares: the normalised files', or the raw file's when it cannot be read.
    public func contentHash(_ entry: SubmissionEntry, _ prepared: Result<PreparedSubmission, Error>) -> String {
        (try? prepared.get().contentHash) ?? ContentHash.ofFile(entry.url)
    }

    /// The grade of `entry`, already prepared; `worker` picks the sandbox's cgroup.
    public func grade(_ entry: SubmissionEntry, _ prepared: Result<PreparedSubmission, Error>, worker: Int) -> StudentGrade {
        let started = Date()
        let submission: PreparedSubmission
        switch prepared {
        case .failure(let error) where GraderFaults.isStudentFault(error):
            return unrun(entry, hash: ContentHash.ofFile(entry.url), .rejected, ["\(error)"], started: started)
        case .failure(let error):
            return unrun(entry, hash: "", .graderError, ["the submission could not be prepared: \(error)"], started: started)
        case .success(let ready):
            submission = ready
        }
        guard !submission.isEmpty else {
            return unrun(entry, hash: submission.contentHash, .empty,
                         submission.notes + ["no Swift files were found in the submission"], started: started)
        }
        let runner: URL, stubbed: [PieceID: [String]]
        switch build.build(submission, work: folder(entry), worker: worker) {
        case .failed(let errors):
            return unrun(entry, hash: submission.contentHash, .compileError, submission.notes + errors, started: started)
        case .graderError(let cause):
            return unrun(entry, hash: submission.contentHash, .graderError, submission.notes + [cause], started: started)
        case .built(let binary, let swapped):
            (runner, stubbed) = (binary, swapped)
        }
        let built = Date()
        let pieceRunner = PieceRunner(command: sandbox.command(runner: runner, timeout: timeout, worker: worker),
                                      context: CheckContext(fixtures: artifacts.fixtures), timeout: timeout)
        // One piece at a time: the batch's parallelism is across students (--jobs).
        var causes: [(piece: String, cause: String)] = []
        let reports = GradingSession(runner: pieceRunner, jobs: 1).grade(PieceID.allCases, decided: Dictionary(
            uniqueKeysWithValues: stubbed.map { ($0.key, ExerciseReport.compileError($0.key, errors: $0.value)) })).map { report in
            guard let cause = GraderFaults.cause(of: report, runner: runner) else { return report }
            causes.append((report.id, cause))
            return GraderFaults.graderError(report, cause: cause)
        }
        let failed = causes.isEmpty ? [] : ["the grader failed, not the student's code (" + causes.map(\.piece).joined(separator: ", ")
            + "): " + causes.map(\.cause).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: "; ")]
        return StudentGrade(student: entry.student, contentHash: submission.contentHash,
                            outcome: causes.isEmpty ? .graded : .graderError,
                            messages: submission.notes + failed, pieces: GradeScoring.pieces(reports, rubric: rubric),
                            buildSeconds: built.timeIntervalSince(started), runSeconds: Date().timeIntervalSince(built),
                            gradedAt: Date())
    }

    /// Deletes the student's work folder (sources, objects, runner) once graded.
    public func clean(_ entry: SubmissionEntry) { try? FileManager.default.removeItem(at: folder(entry)) }

    private func folder(_ entry: SubmissionEntry) -> URL { work.appendingPathComponent("students/\(entry.student)") }

    private func unrun(_ entry: SubmissionEntry, hash: String, _ outcome: StudentGrade.Outcome, _ messages: [String],
                       started: Date) -> StudentGrade {
        StudentGrade(student: entry.student, contentHash: hash, outcome: outcome, messages: messages,
                     pieces: GradeScoring.unrun(outcome, rubric: rubric), buildSeconds: Date().timeIntervalSince(started),
                     runSeconds: 0, gradedAt: Date())
    }
}
