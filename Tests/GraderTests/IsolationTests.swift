import Contracts
import Foundation
import Grader
import Testing
import TestSupport

/// Grades outcome-named learner fixtures through real child processes (`grader-fixtures`).
@Suite struct IsolationTests {
    static func runner(_ fixture: String, timeout: Int = 10) -> PieceRunner {
        PieceRunner(command: [BuiltProducts.path("grader-fixtures"), fixture, "run-check"],
                    context: CheckContext(fixtures: Fixtures.directory), timeout: timeout)
    }

    static func grade(_ fixture: String, _ piece: PieceID, timeout: Int = 10) -> ExerciseReport {
        runner(fixture, timeout: timeout).grade(piece, standIns: [])
    }

    @Test func correctCodePassesEveryCheckOfEveryPiece() {
        let reports = GradingSession(runner: Self.runner("correct")).grade(PieceID.allCases)
        #expect(reports.map(\.id) == Catalog.exercises.map(\.id))
        for report in reports {
            #expect(report.status == .pass, "\(report.id): \(report.checks.filter { $0.status != .pass })")
            #expect(report.points == report.maxPoints && report.maxPoints >= 5)
            #expect(report.standIns.isEmpty)
        }
    }

    @Test func todoIsReportedAsTodoNotAsACrash() {
        let report = Self.grade("todo", .causalMask)
        #expect(report.status == .todo)
        #expect(report.points == 0)
        #expect(report.checks.allSatisfy { $0.status == .todo })
        #expect(report.checks[0].message.contains("TODO: causal-mask is not implemented yet"))
    }

    @Test func wrongValuesFailWithTheLargestErrorAndWhere() throws {
        let report = Self.grade("wrong-values", .attention)
        #expect(report.status == .fail)
        let byName = Dictionary(uniqueKeysWithValues: report.checks.map { ($0.name, $0) })
        #expect(byName["every row of weights sums to 1"]?.status == .pass)
        let reference = try #require(report.checks.first { $0.name.hasPrefix("matches the reference") })
        #expect(reference.status == .fail)
        #expect(reference.message.contains("max |error|"))
        #expect(reference.message.contains("expected") && reference.message.contains("yours"))
        #expect(report.points > 0 && report.points < report.maxPoints)
    }

    @Test func wrongShapeFailsNamingBothShapes() {
        let report = Self.grade("wrong-shape", .attention)
        #expect(report.status == .fail)
        #expect(report.checks[0].message == "output: expected shape [1, 8, 64], got [1, 64, 8]")
    }

    @Test func absurdShapesFailEveryCheckWithoutHurtingTheGrader() {
        let report = Self.grade("returns-scalars", .attention)
        #expect(report.status == .fail)
        let passed = report.checks.filter { $0.status == .pass }.map(\.name)
        #expect(passed == ["no NaN or Inf, even with large scores"])  // a scalar 1 is finite
        #expect(report.checks.filter { $0.status == .fail }.allSatisfy { $0.message.contains("[]") })
    }

    @Test func aTrapIsACrashWithTheSignalAndTheRuntimeMessage() {
        let report = Self.grade("traps", .causalMask)
        #expect(report.status == .crash)
        let message = report.checks[0].message
        #expect(message.contains("SIGILL") || message.contains("SIGTRAP"))
        #expect(message.contains("Index out of range"))
        #expect(report.checks.dropFirst().allSatisfy { $0.status == .crash && $0.message.hasPrefix("not run") })
    }

    @Test func aStackOverflowIsACrash() {
        let report = Self.grade("stack-overflow", .causalMask)
        #expect(report.status == .crash)
        #expect(report.checks[0].message.contains("SIGSEGV"))
    }

    @Test func anInfiniteLoopTimesOutAndIsKilled() {
        let report = Self.grade("hangs", .vlmMask, timeout: 1)
        #expect(report.status == .timeout)
        #expect(report.checks[0].status == .timeout)
        #expect(report.checks[0].message.hasPrefix("did not finish within 1 s"))
    }

    @Test func floodingOutputIsTruncatedAndStillGraded() {
        let report = Self.grade("floods-output", .vlmMask)
        #expect(report.status == .pass)
        #expect(report.output.contains("[output truncated:"))
        #expect(report.output.utf8.count < 10_000)
    }

    @Test func printingPassedCannotChangeTheGrade() {
        let report = Self.grade("prints-fake-passed", .causalMask)
        #expect(report.status == .fail)
        #expect(report.checks.first { $0.name.hasPrefix("(0, 1)") }?.message == "mask[0, 1] is false")
        #expect(report.output.contains("passed"))
    }

    @Test func exitingEarlyIsACrash() {
        let report = Self.grade("exits-early", .causalMask)
        #expect(report.status == .crash)
        #expect(report.checks[0].message.contains("exited before finishing the checks"))
    }
}
