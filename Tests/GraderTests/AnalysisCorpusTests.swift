import Contracts
import Grader
import Testing

/// Part 4's wrong-implementation corpus (issue #16), graded through real child processes: each
/// mistake fails, and the failure on DINOv2's real attentions names the mistake.
@Suite struct AnalysisCorpusTests {
    static let dinov2Check = "DINOv2's 12 layers at 112 px match float64 numpy"

    @Test(arguments: [
        ("rollout-without-identity", PieceID.attentionRollout, "a rollout without the identity"),
        ("rollout-in-reverse-order", .attentionRollout, "a rollout multiplied in the wrong order"),
        ("rollout-rescaled", .attentionRollout, "the rollout rescaled to a maximum of 1"),
        ("distance-in-patches", .attentionDistance, "distances in patches, not pixels"),
        ("distance-with-class-token", .attentionDistance, "distances with the class token left in"),
        ("entropy-in-bits", .attentionEntropy, "an entropy in bits"),
        ("entropy-of-unnormalised-weights", .attentionEntropy, "an entropy of unnormalised weights"),
    ])
    func aKnownMistakeFailsAndIsNamed(fixture: String, piece: PieceID, mistake: String) throws {
        let report = IsolationTests.grade(fixture, piece)
        #expect(report.status == .fail)
        let dinov2 = try #require(report.checks.first { $0.name == Self.dinov2Check })
        #expect(dinov2.status == .fail)
        #expect(dinov2.message.contains("These are the values of \(mistake)"), "\(dinov2.message)")
        let reference = try #require(report.checks.first { $0.name.hasPrefix("matches the reference") })
        #expect(reference.status == .fail)
        #expect(report.points < report.maxPoints)
    }

    @Test func theOrderMistakeFailsTheClosedFormCaseWithBothAnswers() throws {
        let report = IsolationTests.grade("rollout-in-reverse-order", .attentionRollout)
        let order = try #require(report.checks.first { $0.name.hasPrefix("the last layer multiplies on the left") })
        #expect(order.status == .fail)
        #expect(order.message.contains("expected 0.5, got 0.25"), "\(order.message)")
        #expect(report.checks.first { $0.name.hasPrefix("returns the patch grid") }?.status == .pass)
    }

    @Test func aTransposedTableFailsOnItsShapeNamingTheLayout() throws {
        let report = IsolationTests.grade("distance-transposed", .attentionDistance)
        #expect(report.status == .fail)
        let shape = try #require(report.checks.first)
        #expect(shape.message == "mean distance: expected shape [3, 2], got [2, 3] — that is [H, L]; the table is one row per layer, [L, H]")
        // Only the 2 × 2 tables whose every entry is the same (uniform, identity) survive a transpose.
        #expect(report.checks.filter { $0.status == .pass }.map(\.name).allSatisfy {
            $0.hasPrefix("uniform attention") || $0.hasPrefix("tokens that attend only to themselves")
        })
        #expect(report.points == 2)
    }

    @Test func ln0WithoutCareGivesNaNAndSaysSo() throws {
        let report = IsolationTests.grade("entropy-with-nan", .attentionEntropy)
        #expect(report.status == .fail)
        let identity = try #require(report.checks.first { $0.name.hasPrefix("tokens that attend only to themselves") })
        #expect(identity.status == .fail)
        #expect(identity.message.contains("0 · ln 0 not counted as 0"), "\(identity.message)")
        #expect(report.checks.first { $0.name.hasPrefix("uniform attention") }?.status == .pass)
    }

    @Test func copyingTheFixturesAnswersEarnsNothingOnTheSeededCases() {
        let report = IsolationTests.grade("entropy-copied-from-fixtures", .attentionEntropy)
        #expect(report.status == .fail)
        let byName = Dictionary(uniqueKeysWithValues: report.checks.map { ($0.name, $0.status) })
        #expect(byName[Self.dinov2Check] == .pass)  // the copied table is the right one …
        #expect(report.checks.filter { $0.name.hasPrefix("matches the reference") }.allSatisfy { $0.status == .fail })
    }
}
