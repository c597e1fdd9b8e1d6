import Contracts

/// Grades pieces in course order, each in its own child process. A piece whose dependency did not
/// pass is graded with the reference standing in for that dependency; the report names it.
public struct GradingSession: Sendable {
    public let runner: PieceRunner

    public init(runner: PieceRunner) { self.runner = runner }

    /// Reports for `ids` (course order). Dependencies not in `ids` are graded too, to decide the
    /// stand-ins, but not reported.
    public func grade(_ ids: [String]) -> [ExerciseReport] {
        let needed = Self.withDependencies(ids)
        var statuses: [String: CheckStatus] = [:]
        var reports: [ExerciseReport] = []
        for piece in Catalog.exercises where needed.contains(piece.id) {
            let standIns = piece.dependencies.filter { statuses[$0] != .pass }
            let report = runner.grade(piece.id, standIns: standIns)
            statuses[piece.id] = report.status
            if ids.contains(piece.id) { reports.append(report) }
        }
        return reports
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
