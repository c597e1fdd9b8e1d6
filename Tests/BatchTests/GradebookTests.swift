import BatchGrading
import Foundation
import Testing

/// The gradebook file shared by several processes: a `grade` and whoever reads its progress
/// (a second `grade` on the same folder, a test waiting for the first save).
@Suite("Gradebook opened by two processes")
struct GradebookTests {
    /// Two connections (as two processes would have) open the same new file at the same moment.
    /// Unserialised, one of them sometimes failed: "database is locked" switching the file to WAL,
    /// or "table submission already exists" (both had decided to create the tables). That is how
    /// a `grade` whose progress ResumeTests follows could stop before its first save.
    @Test("a new gradebook opened twice at once: both opens succeed and the schema is there once")
    func concurrentCreation() throws {
        let scratch = try CoursePaths.scratch("gradebook-open")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let rounds = 40
        var failures: [String] = []
        for round in 0..<rounds {
            let url = scratch.appendingPathComponent("gradebook-\(round).sqlite")
            failures += Self.openTwiceAtOnce(url).map { "round \(round): \($0)" }
            let gradebook = try Gradebook(url: url)
            try gradebook.save(StudentGrade(student: "s", contentHash: "h", outcome: .graded, messages: [], pieces: [],
                                            buildSeconds: 0, runSeconds: 0, gradedAt: Date()), rubric: "r")
            #expect(try gradebook.all().map(\.student) == ["s"])
        }
        #expect(failures == [], "\(failures.count) of \(rounds) rounds had an open fail")
    }

    /// Opens `url` from two threads released together; the errors thrown, if any.
    private static func openTwiceAtOnce(_ url: URL) -> [String] {
        let go = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let errors = ErrorList()
        for _ in 0..<2 {
            Thread {
                go.wait()
                do { _ = try Gradebook(url: url) } catch { errors.append("\(error)") }
                done.signal()
            }.start()
        }
        go.signal()
        go.signal()
        done.wait()
        done.wait()
        return errors.all
    }
}

private final class ErrorList: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [String] = []
    func append(_ error: String) { lock.withLock { errors.append(error) } }
    var all: [String] { lock.withLock { errors } }
}
