import Contracts
import Foundation
import Grader
import Solutions
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

    /// A piece's verdict is never `todo` because of another piece (a piece it does not declare is the
    /// reference while it is graded), and calling a piece it does not declare fails, naming the call.
    @Test func callingAPieceItDoesNotDeclareFailsNamingTheCall() throws {
        let reports = GradingSession(runner: IsolationTests.runner("vit-calls-todo-piece")).grade([.causalMask, .vitAttention])
        #expect(reports.map(\.status) == [.todo, .fail])
        let vit = try #require(reports.last)
        #expect(!vit.checks.contains { $0.status == .todo })
        #expect(vit.checks.contains {
            $0.message.hasPrefix("vit-attention calls the causal-mask piece (Pieces.…), which it may not use: a piece may call "
                + "only the pieces it builds on (scaled-dot-product-attention)")
        })
    }

    @Test func dependenciesAreGradedButOnlyRequestedPiecesReported() {
        let reports = GradingSession(runner: IsolationTests.runner("todo")).grade([.attention])
        #expect(reports.map(\.id) == ["scaled-dot-product-attention"])
        #expect(reports[0].standIns == ["causal-mask"])
        #expect(reports[0].status == .pass)
    }
}

/// The process that grades a piece holds the reference for the other pieces' stand-ins; no lookup by
/// name (class by name, bundle, mangled type name, symbol) may reach a reference its code could call.
@Suite struct ReferenceByNameTests {
    @Test func lookingTheReferenceUpByNameFindsNothingToCall() {
        let reports = GradingSession(runner: IsolationTests.runner("reference-by-name")).grade([.causalMask, .vitAttention])
        #expect(reports.map(\.status) == [.fail, .fail])
        #expect(reports[0].checks.contains { $0.message.contains("mask[0, 0] is true") })
    }
}

/// The grader judges pieces on several threads, each calling the reference through `Pieces`.
@Suite struct PiecesConcurrencyTests {
    @Test func callsFromManyThreadsAreAllCounted() {
        Reference.activate()
        let before = Pieces.callCounts[.causalMask, default: 0]
        DispatchQueue.concurrentPerform(iterations: 200) { _ in _ = Pieces.causalMask(seqLen: 3) }
        #expect(Pieces.callCounts[.causalMask, default: 0] - before >= 200)
    }
}
