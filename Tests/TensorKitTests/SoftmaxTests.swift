import Foundation
import PropertyBased
import TestSupport
import Testing
@testable import TensorKit

@Suite struct SoftmaxTests {
    @Test func knownValues() {
        let p = Tensor([1, 2, 3]).softmax()
        let expected: [Float] = [0.09003057, 0.24472847, 0.66524096]
        for (a, e) in zip(p.scalars, expected) { #expect(abs(a - e) < 1e-7) }
    }

    @Test func largeScoresDoNotOverflow() {
        let p = Tensor([1000, 1001]).softmax().scalars
        #expect(abs(p[0] - 0.26894142) < 1e-7)
        #expect(abs(p[1] - 0.73105858) < 1e-7)
    }

    @Test func maskedScoresGiveExactZeros() {
        let scores = Tensor(shape: [3, 3], scalars: [0.3, 1.2, -0.4, 2, 0.1, 0.7, -1, 0, 1])
        let p = scores.maskedFill(Mask.upperTriangle(3, 3, diagonal: 1), -.infinity).softmax()
        #expect(p[0, 1] == 0 && p[0, 2] == 0 && p[1, 2] == 0)
        #expect(p[0, 0] == 1)
    }

    @Test func fullyMaskedRowIsNaNAsInTorch() {
        let p = Tensor([[-.infinity, -.infinity], [0, 0]]).softmax()
        #expect(p[0, 0].isNaN && p[0, 1].isNaN)
        #expect(p.scalars[2...] == [0.5, 0.5])
    }

    @Test func softmaxOverAFirstAxis() {
        let p = Tensor([[0, 0], [0, Float(log(3.0))]]).softmax(axis: 0)
        for (a, e) in zip(p.scalars, [0.5, 0.25, 0.5, 0.75] as [Float]) { #expect(abs(a - e) < 1e-7) }
    }

    /// Rows of any length sum to 1 and stay in [0, 1], in every chunking of the parallel loop.
    @Test func rowsSumToOne() async {
        await propertyCheck(input: Gen.int(in: 1...300), Gen.int(in: 1...40), Gen.uint64()) { n, rows, seed in
            var rng = SplitMix(seed: seed)
            let p = Tensor(shape: [rows, n], scalars: rng.floats(rows * n, scale: 20)).softmax()
            for r in 0..<rows {
                let row = p.select(0, r)
                #expect(abs(row.sum() - 1) < 1e-5)
                #expect(row.min() >= 0 && row.max() <= 1)
            }
        }
    }
}
