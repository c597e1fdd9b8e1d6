import Contracts
import Grader
import Testing
import TestSupport

/// Lesson 3b's wrong-implementation corpus, graded through real child processes: each mistake fails,
/// and the failing check's message names it.
@Suite struct MaskMistakeTests {
    /// The report of `fixture`'s `piece`, and the checks that did not pass.
    static func failures(_ fixture: String, _ piece: PieceID) -> (ExerciseReport, [CheckResult]) {
        let report = IsolationTests.grade(fixture, piece)
        return (report, report.checks.filter { $0.status != .pass })
    }

    @Test(arguments: [
        ("merged-image-blocks", PieceID.imageBlockMask, "blocks merged across a text token"),
        ("answer-in-prefix", .prefixLMMask, "the prefix includes the answer"),
        ("window-off-by-one", .slidingWindowMask, "window off by one"),
        ("window-wrong-side", .slidingWindowMask, "window measured from the wrong side"),
        ("window-outside-images", .slidingWindowMask, "the window applies inside an image too"),
        ("cross-attention-later-image", .gatedCrossAttention, "the token sees a later image"),
        ("ungated-cross-attention", .gatedCrossAttention, "gate not applied"),
    ])
    func eachMistakeFailsWithAMessageThatNamesIt(_ fixture: String, _ piece: PieceID, _ mistake: String) {
        let (report, failed) = Self.failures(fixture, piece)
        #expect(report.status == .fail, "\(fixture): \(report.status)")
        #expect(!failed.isEmpty && failed.allSatisfy { $0.status == .fail })
        // A wrong image rule also changes the layer's output: those checks point back at the rule.
        let named = failed.filter { $0.message.contains(mistake) }
        let pointingBack = failed.filter { $0.message.contains("Your imageRule differs from the processor's") }
        #expect(!named.isEmpty && named.count + pointingBack.count == failed.count,
                "\(fixture): \(failed.map { "\($0.name): \($0.message)" }.joined(separator: "\n"))")
        #expect(report.points > 0 && report.points < report.maxPoints)
    }

    @Test func mergedBlocksFailOnlyWhereTwoImagesMeet() {
        let (_, failed) = Self.failures("merged-image-blocks", .imageBlockMask)
        #expect(failed.map(\.name) == [
            "two images one text token apart stay two images (ttiiitiitt)",
            "one-token images, runs of 2 and 3, only image (ttitt, tiitiiit, iiii, i)",
            "matches transformers' Gemma 3 global masks (masks/masks.json)",
        ])
        #expect(failed[0].message.hasPrefix("ttiiitiitt: 6 of 100 positions differ. Query 2 (image) sees key 7 (image) "
            + "of a later image: the text at position 5 ends the first image"))
    }

    @Test func anOffByOneWindowIsShownAtTheWindowsEdge() throws {
        let (_, failed) = Self.failures("window-off-by-one", .slidingWindowMask)
        let window3 = try #require(failed.first { $0.name.hasPrefix("window 3 over 8 tokens") })
        #expect(window3.message.hasPrefix("tttttttt, window 3: 5 of 64 positions differ. Query 3 (text) and key 0 "
            + "(text), 3 back, are allowed, but a window of 3 holds only the query and the 2 tokens before it"))
        #expect(!failed.contains { $0.name.hasPrefix("a window longer than the sequence") })
    }

    @Test func aLaterImageIsNamedByTheRuleChecksAndTheLayerChecksPointBackAtTheRule() {
        let (_, failed) = Self.failures("cross-attention-later-image", .gatedCrossAttention)
        let rule = failed.filter { $0.name.hasPrefix("image rule") }
        #expect(rule.count == 2)
        #expect(rule.first?.message.contains("ttti: 3 of 4 positions differ. Text token 0 sees image 0 (its <|image|> "
            + "is at 3), which comes after it — the token sees a later image.") == true)
        #expect(failed.contains { $0.name.hasPrefix("matches transformers' MllamaCrossAttentionDecoderLayer") })
    }

    @Test func anUngatedLayerIsNamedEverywhereTheGateShows() {
        let (_, failed) = Self.failures("ungated-cross-attention", .gatedCrossAttention)
        #expect(failed.map(\.name).map { String($0.prefix(20)) } == [
            "matches transformers", "the gate: 0 leaves t", "matches the referenc"])
        #expect(failed[0].message.hasSuffix("your output is x + attention: the gate is not applied; expected "
            + "x + tanh(gate) · attention with gate 0.7 — gate not applied"))
    }

    /// Rows that see no image: all −∞ gives NaN; attending everywhere (what transformers does) changes
    /// the input. Both fail that check only, and rows that see an image still match transformers.
    @Test(arguments: ["cross-attention-nan-rows", "cross-attention-transformers-rows"])
    func rowsThatSeeNoImageMustKeepTheirInput(_ fixture: String) {
        let (report, failed) = Self.failures(fixture, .gatedCrossAttention)
        #expect(report.status == .fail)
        #expect(failed.contains { $0.name.hasPrefix("rows that see no image (0, 1) return their input unchanged") })
        #expect(!failed.contains { $0.name.hasPrefix("matches transformers'") || $0.name.hasPrefix("image rule") })
        if fixture == "cross-attention-nan-rows" {
            #expect(failed.contains { $0.message.contains("NaN") })
        }
    }
}
