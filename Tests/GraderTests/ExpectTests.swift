@testable import Grader
import TensorKit
import Testing

@Suite struct ExpectTests {
    func message(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return "\(error)" }
    }

    @Test func maskMismatchShowsExpectedAndActualSideBySide() {
        let text = message { try Expect.sameMask(Mask.upperTriangle(3, 3, diagonal: 0), Mask.upperTriangle(3, 3, diagonal: 1), "T = 3") }
        #expect(text == """
            T = 3: 3 of 9 positions differ (1 = masked)
              expected   yours
              0 1 1      1 1 1   <
              0 0 1      0 1 1   <
              0 0 0      0 0 1   <
            """)
    }

    @Test func valueMismatchNamesTheLargestErrorAndItsIndex() throws {
        let expected = Tensor(shape: [1, 2, 2], scalars: [0.5, 0.5, 1, 0])
        let actual = Tensor(shape: [1, 2, 2], scalars: [0.5, 0.5, 0.75, 0.25])
        let text = try #require(message { try Expect.close(actual, expected, "weights") })
        #expect(text.hasPrefix("weights differs from the expected values: max |error| 0.25 at [0, 1, 0] (expected 1.0, got 0.75)"))
        #expect(text.contains("expected [0, :, :]"))
        #expect(message { try Expect.close(actual.reshaped(4), expected, "weights") } == "weights: expected shape [1, 2, 2], got [4]")
        #expect(message { try Expect.close(expected, expected, "weights") } == nil)
    }

    @Test func rowsThatDoNotSumToOneAreNamed() {
        let weights = Tensor(shape: [2, 2], scalars: [0.5, 0.5, 0.5, 0.25])
        #expect(message { try Expect.rowsSumToOne(weights) }
            == "attention weights row [1] sums to 0.75, not 1 — softmax over the last axis (the keys)?")
    }

    @Test func weightOnAMaskedPositionIsReported() {
        let weights = Tensor(shape: [1, 2, 2], scalars: [1, 1e-9, 0.5, 0.5])
        let text = message { try Expect.zeroWhereMasked(weights, Mask.upperTriangle(2, 2, diagonal: 1)) }
        #expect(text?.hasPrefix("attention weight at [0, 0, 1] is 1e-09, but that position is masked") == true)
        #expect(message { try Expect.zeroWhereMasked(weights.maskedFill(Mask.upperTriangle(2, 2, diagonal: 1), 0),
                                                     Mask.upperTriangle(2, 2, diagonal: 1)) } == nil)
    }

    @Test func nonFiniteValuesAreCountedAndLocated() {
        let t = Tensor(shape: [2, 2], scalars: [0, .nan, .infinity, 1])
        #expect(message { try Expect.finite(t, "output") }?.hasPrefix("output holds 2 NaN/Inf value(s); the first is nan at [0, 1]") == true)
    }
}
