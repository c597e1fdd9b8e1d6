import Foundation

/// Grades a class with `jobs` worker threads, saving each student to the gradebook as soon as
/// they are graded, and skipping students whose files and rubric have not changed since a final
/// grade (a `grader-error` is never final: that student is graded again).
///
/// Workers are plain `Thread`s: each blocks on compilers and children, which must never happen
/// inside GCD work items (libdispatch on Linux would starve).
public final class BatchRun: @unchecked Sendable {
    public struct Totals: Sendable, Equatable {
        public var graded = 0
        public var skipped = 0
        /// Students saved as `grader-error` (no grade yet).
        public var graderErrors: [String] = []
        /// Grades that could not be saved, and exports that could not be written.
        public var errors: [String] = []
    }

    let grader: StudentGrader
    let gradebook: Gradebook
    let entries: [SubmissionEntry]
    let jobs: Int
    let regrade: Bool
    let progress: ProgressDisplay
    private let lock = NSLock()
    private var next = 0
    private var totals = Totals()

    public init(grader: StudentGrader, gradebook: Gradebook, entries: [SubmissionEntry], jobs: Int, regrade: Bool,
                progress: ProgressDisplay) {
        self.grader = grader
        self.gradebook = gradebook
        self.entries = entries
        self.jobs = max(1, jobs)
        self.regrade = regrade
        self.progress = progress
    }

    /// Grades every entry; returns when all workers are done.
    public func run() -> Totals {
        let finished = DispatchSemaphore(value: 0)
        for worker in 0..<min(jobs, max(1, entries.count)) {
            let thread = Thread { [self] in
                while let entry = take() { process(entry, worker: worker) }
                finished.signal()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        for _ in 0..<min(jobs, max(1, entries.count)) { finished.wait() }
        progress.finish()
        return lock.withLock { totals }
    }

    private func take() -> SubmissionEntry? {
        lock.withLock {
            guard next < entries.count else { return nil }
            defer { next += 1 }
            return entries[next]
        }
    }

    private func process(_ entry: SubmissionEntry, worker: Int) {
        let prepared = grader.prepare(entry)
        let hash = grader.contentHash(entry, prepared)
        let fingerprint = grader.rubric.fingerprint
        if !regrade, let stored = try? gradebook.gradedVersion(of: entry.student),
           stored.contentHash == hash, stored.rubric == fingerprint, stored.outcome != StudentGrade.Outcome.graderError.rawValue {
            grader.clean(entry)
            lock.withLock { totals.skipped += 1 }
            progress.skipped(entry.student)
            return
        }
        let grade = grader.grade(entry, prepared, worker: worker)
        do {
            try gradebook.save(grade, rubric: fingerprint)
            lock.withLock {
                if grade.isFinal { totals.graded += 1 } else { totals.graderErrors.append(entry.student) }
            }
            progress.graded(grade)
        } catch {
            lock.withLock { totals.errors.append("\(entry.student): the gradebook could not save the grade: \(error)") }
            progress.failed(entry.student, "\(error)")
        }
        grader.clean(entry)
    }
}
