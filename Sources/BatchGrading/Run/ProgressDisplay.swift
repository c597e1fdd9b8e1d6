import Foundation

/// Progress on standard error: a redrawn bar with counts and an ETA on a terminal, one plain
/// line per student otherwise (logs, CI).
public final class ProgressDisplay: @unchecked Sendable {
    private let total: Int
    private let isTerminal: Bool
    private let started = Date()
    private let lock = NSLock()
    private var graded = 0, skipped = 0, failed = 0, graderErrors = 0

    public init(total: Int, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.isTerminal = isTerminal
    }

    /// The first line, before any student is done.
    func begin(jobs: Int, sandboxed: Bool) {
        write("Grading \(total) submissions, \(jobs) at a time, " + (sandboxed ? "sandboxed" : "WITHOUT a sandbox") + "\n")
    }

    func graded(_ grade: StudentGrade) {
        guard grade.isFinal else {
            let cause = grade.messages.last ?? "unknown cause"
            return update(line: "\(grade.student): grader-error, not graded (graded again next run): \(cause)") {
                graderErrors += 1
            }
        }
        let points = String(format: "%g/%g", grade.score, grade.maxScore)
        update(line: "\(grade.student): \(grade.outcome.rawValue), \(points)") { graded += 1 }
    }

    /// A line about the run itself (a lock taken over, a wait), before the first student.
    func note(_ text: String) { write(text + "\n") }

    func skipped(_ student: String) { update(line: "\(student): unchanged, kept") { skipped += 1 } }

    func failed(_ student: String, _ why: String) { update(line: "\(student): not saved: \(why)") { failed += 1 } }

    func finish() {
        if isTerminal { write("\n") }
    }

    private func update(line: String, _ count: () -> Void) {
        lock.withLock {
            count()
            let done = graded + skipped + failed + graderErrors
            if isTerminal {
                write("\r\u{1B}[2K" + bar(done))
            } else {
                write("[\(done)/\(total)] \(line)\n")
            }
        }
    }

    private func bar(_ done: Int) -> String {
        let width = 30, filled = total == 0 ? width : width * done / total
        let elapsed = Date().timeIntervalSince(started)
        let perStudent = graded == 0 ? 0 : elapsed / Double(graded)
        let eta = Int((perStudent * Double(total - done)).rounded())
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            + "\(done)/\(total) · graded \(graded) · unchanged \(skipped)"
            + (graderErrors > 0 ? " · grader errors \(graderErrors)" : "")
            + (failed > 0 ? " · not saved \(failed)" : "") + " · ETA \(eta / 60)m\(String(format: "%02d", eta % 60))s"
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
