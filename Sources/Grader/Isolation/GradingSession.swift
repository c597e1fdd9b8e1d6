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

    /// Reports for `pieces`, in course order. Dependencies not asked for are graded too, to decide the
    /// stand-ins, but not reported. Pieces in `decided` are not run: their report is given (a file that
    /// did not compile).
    public func grade(_ pieces: [PieceID], decided: [PieceID: ExerciseReport] = [:]) -> [ExerciseReport] {
        let needed = Self.withDependencies(pieces)
        let board = Board(pieces: Catalog.exercises.filter { needed.contains($0.piece) && decided[$0.piece] == nil },
                          decided: decided)
        let finished = DispatchSemaphore(value: 0)
        for _ in 0..<jobs {
            // Plain threads, not GCD work items: each blocks while its child runs.
            Thread { [runner] in
                while let (piece, standIns) = board.next() {
                    board.finish(piece.piece, runner.grade(piece.piece, standIns: standIns))
                }
                finished.signal()
            }.start()
        }
        for _ in 0..<jobs { finished.wait() }
        return board.reports(for: pieces)
    }

    static func withDependencies(_ pieces: [PieceID]) -> Set<PieceID> {
        var result = Set<PieceID>(), pending = pieces
        while let piece = pending.popLast() {
            guard result.insert(piece).inserted else { continue }
            pending += piece.info.dependencies
        }
        return result
    }
}

/// Which pieces are waiting, running and done; `next()` blocks until a piece's dependencies are done.
private final class Board: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [ExerciseInfo]
    private var done: [PieceID: ExerciseReport] = [:]

    init(pieces: [ExerciseInfo], decided: [PieceID: ExerciseReport]) {
        waiting = pieces
        done = decided
    }

    /// The next piece whose dependencies are graded, with the ones that did not pass; nil when none is left.
    func next() -> (ExerciseInfo, [PieceID])? {
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

    func finish(_ piece: PieceID, _ report: ExerciseReport) {
        condition.lock()
        done[piece] = report
        condition.broadcast()
        condition.unlock()
    }

    func reports(for pieces: [PieceID]) -> [ExerciseReport] {
        condition.lock()
        defer { condition.unlock() }
        return PieceID.allCases.filter { pieces.contains($0) }.compactMap { done[$0] }
    }
}
