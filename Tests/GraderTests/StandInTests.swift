import Contracts
import Foundation
import Grader
import Testing
import TestSupport

@Suite struct StandInTests {
    @Test func aFailingDependencyIsReplacedByTheReferenceAndNamed() throws {
        let reports = GradingSession(runner: IsolationTests.runner("wrong-vlm-mask")).grade([.vlmMask, .vlmAttention])
        let mask = try #require(reports.first { $0.id == "vlm-mask" })
        let attention = try #require(reports.first { $0.id == "vlm-attention" })
        #expect(mask.status == .fail)
        #expect(attention.status == .pass)
        #expect(attention.standIns == ["vlm-mask"])
        #expect(ReportRenderer.summary(attention) == "✓ vlm-attention: passed (8/8 checks), with the reference vlm-mask standing in")
    }

    @Test func withoutTheStandInTheDependentPieceWouldFail() {
        let report = IsolationTests.grade("wrong-vlm-mask", .vlmAttention)
        #expect(report.status == .fail)
        #expect(report.checks.contains { $0.message.contains("must be exactly 0") })
    }

    @Test func aStandInNeverEarnsThePointsOfThePieceItStandsIn() {
        let reports = GradingSession(runner: IsolationTests.runner("wrong-vlm-mask")).grade([.vlmMask, .vlmAttention])
        let report = GradeReport(exercises: reports)
        let mask = reports[0]
        #expect(mask.points < mask.maxPoints)
        #expect(report.score == mask.points + reports[1].maxPoints)
        #expect(report.score < report.maxScore)
        #expect(!report.allPassed)
    }

    /// A piece's verdict is never `todo` because of another piece: a piece it does not declare is
    /// always the reference while it is graded.
    @Test func callingAnUnfinishedPieceItDoesNotDeclareIsGradedOnItsOwnValues() throws {
        let reports = GradingSession(runner: IsolationTests.runner("vit-calls-todo-piece")).grade([.causalMask, .vitAttention])
        #expect(reports.map(\.status) == [.todo, .fail])
        let vit = try #require(reports.last)
        #expect(vit.checks.contains { $0.status == .fail && $0.message.contains("weights") })
        #expect(!vit.checks.contains { $0.status == .todo })
    }

    @Test func dependenciesAreGradedButOnlyRequestedPiecesReported() {
        let reports = GradingSession(runner: IsolationTests.runner("todo")).grade([.attention])
        #expect(reports.map(\.id) == ["scaled-dot-product-attention"])
        #expect(reports[0].standIns == ["causal-mask"])
        #expect(reports[0].status == .pass)
    }
}
