import Foundation
import PropertyBased
import TestSupport
import Testing
@testable import TensorKit

@Suite struct ElementwiseTests {
    @Test func broadcastAddsRowAndColumn() {
        let row = Tensor([[1, 2, 3]]), column = Tensor([[10], [20]])
        let sum = row + column
        #expect(sum.shape == [2, 3])
        #expect(sum.scalars == [11, 12, 13, 21, 22, 23])
        #expect((column - row).scalars == [9, 8, 7, 19, 18, 17])
        #expect((row * column).scalars == [10, 20, 30, 20, 40, 60])
        #expect((Tensor([2, 4]) / Tensor([4])).scalars == [0.5, 1])
    }

    @Test func scalarOperatorsApplyOnBothSides() {
        let x = Tensor([1, 2, 4])
        #expect((x * 2).scalars == [2, 4, 8])
        #expect((1 - x).scalars == [0, -1, -3])
        #expect((8 / x).scalars == [8, 4, 2])
        #expect((-x).scalars == [-1, -2, -4])
    }

    @Test func unaryFunctionsMatchTheirDefinitions() {
        let x = Tensor([0, 1])
        #expect(x.exp().scalars == [1, Float(M_E)])
        #expect(Tensor([4, 9]).sqrt().scalars == [2, 3])
        #expect(x.sigmoid().scalars[0] == 0.5)
        #expect(abs(Tensor([1]).erf().item - 0.8427008) < 1e-6)
        #expect(Tensor([-3, 0.5, 7]).clamped(min: 0, max: 1).scalars == [0, 0.5, 1])
    }

    @Test func comparisonsGiveMasks() {
        let x = Tensor([1, 5, 3])
        #expect((x .> 2).values == [false, true, true])
        #expect((x .== Tensor([1, 0, 3])).values == [true, false, true])
    }

    @Test func maskedFillBroadcastsTheMask() {
        let scores = Tensor.zeros([2, 3, 3])
        let filled = scores.maskedFill(Mask.upperTriangle(3, 3, diagonal: 1), -.infinity)
        #expect(filled[1, 0, 2] == -.infinity)
        #expect(filled[1, 2, 0] == 0)
        #expect(filled.scalars.filter { $0 == -.infinity }.count == 6)
    }

    @Test func triuAndTrilKeepTheirTriangles() {
        let x = Tensor.arange(9).reshaped(3, 3) + 1
        #expect(x.triu(diagonal: 1).scalars == [0, 2, 3, 0, 0, 6, 0, 0, 0])
        #expect(x.tril().scalars == [1, 0, 0, 4, 5, 0, 7, 8, 9])
    }

    @Test func nonFiniteValuesAreDetected() {
        #expect(!Tensor([1, 2]).hasNonFinite)
        #expect(Tensor([1, .nan]).hasNonFinite)
        #expect(Tensor([.infinity]).hasNonFinite)
    }

    /// A row broadcast on either side (the bias fast path) matches the index arithmetic.
    @Test func repeatedRowOnEitherSide() {
        let m = Tensor(shape: [2, 3, 4], generator: { Float($0[0] * 100 + $0[1] * 10 + $0[2]) })
        let row = Tensor([1, 2, 3, 4])
        #expect((m - row)[1, 2, 3] == 123 - 4)
        #expect((row - m)[1, 2, 3] == 4 - 123)
        #expect((row - m)[0, 1, 0] == 1 - 10)
        let column = Tensor(shape: [3, 1], scalars: [1, 2, 3])
        #expect((m + column)[1, 2, 3] == 123 + 3)
    }

    /// a + b for random broadcastable shapes equals the sum computed index by index.
    @Test func broadcastingMatchesIndexArithmetic() async {
        await propertyCheck(input: Gen.int(in: 1...4).array(of: 1...4), Gen.uint64()) { dims, seed in
            var rng = SplitMix(seed: seed)
            // b: a suffix of a's shape with some sizes replaced by 1.
            let suffixLength = Int(rng.next() % UInt64(dims.count)) + 1
            let b: [Int] = dims.suffix(suffixLength).map { size in rng.next() % 2 == 0 ? size : 1 }
            let x = Tensor(shape: dims, scalars: rng.floats(Shape.count(dims)))
            let y = Tensor(shape: b, scalars: rng.floats(Shape.count(b)))
            let sum = x + y
            #expect(sum.shape == dims)
            let lead = dims.count - b.count
            Shape.forEachIndex(dims) { index in
                var yIndex: [Int] = []
                for axis in 0..<b.count { yIndex.append(b[axis] == 1 ? 0 : index[lead + axis]) }
                #expect(sum[index] == x[index] + y[yIndex])
            }
        }
    }
}

extension Tensor {
    subscript(index: [Int]) -> Float { storage.base[storageIndex(index)] }
}
