import Contracts
import Foundation

/// Grades pieces, each in its own child process, `jobs` at a time. A piece starts once its
/// dependencies are graded; one whose dependency did not pass is graded with the reference standing
/// in for that dependency, and the report names it.
public struct GradingSession: Sendable {
    public let runner: PieceRunner
    /// Pieces graded at once (worker threads, each waiting on its child).
    public let jobs: Int

    public init(runner: PieceRunner, jobs: Int = 2) {
        self.runner = runner
        self.jobs = max(1, jobs)
    }

    /// Reports for `ids`, in course order. Dependencies not in `ids` are graded too, to decide the
    /// stand-ins, but not reported.
    public func grade(_ ids: [String]) -> [ExerciseReport] {
        let needed = Self.withDependencies(ids)
        let board = Board(pieces: Catalog.exercises.filter { needed.contains($0.id) })
        let finished = DispatchSemaphore(value: 0)
        for _ in 0..<jobs {
            // Plain threads, not GCD work items: each blocks while its child runs.
            Thread { [runner] in
                while let (piece, standIns) = board.next() {
                    board.finish(piece.id, runner.grade(piece.id, standIns: standIns))
                }
                finished.signal()
            }.start()
        }
        for _ in 0..<jobs { finished.wait() }
        return board.reports(for: ids)
    }

    static func withDependencies(_ ids: [String]) -> Set<String> {
        var result = Set<String>(), pending = ids
        while let id = pending.popLast() {
            guard result.insert(id).inserted else { continue }
            pending += Catalog.exercise(id)?.dependencies ?? []
        }
        return result
    }
}

/// Which pieces are waiting, running and done; `next()` blocks until a piece's dependencies are done.
private final class Board: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [ExerciseInfo]
    private var done: [String: ExerciseReport] = [:]

    init(pieces: [ExerciseInfo]) { waiting = pieces }

    /// The next piece whose dependencies are graded, with the ones that did not pass; nil when none is left.
    func next() -> (ExerciseInfo, [String])? {
        condition.lock()
        defer { condition.unlock() }
        while !waiting.isEmpty {
            if let i = waiting.firstIndex(where: { $0.dependencies.allSatisfy { done[$0] != nil } }) {
                let piece = waiting.remove(at: i)
                return (piece, piece.dependencies.filter { done[$0]?.status != .pass })
            }
            condition.wait()
        }
        return nil
    }

    func finish(_ id: String, _ report: ExerciseReport) {
        condition.lock()
        done[id] = report
        condition.broadcast()
        condition.unlock()
    }

    func reports(for ids: [String]) -> [ExerciseReport] {
        condition.lock()
        defer { condition.unlock() }
        return Catalog.exercises.filter { ids.contains($0.id) }.compactMap { done[$0.id] }
    }
}
