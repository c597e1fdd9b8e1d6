import Testing
@testable import TensorKit

@Suite struct LayoutTests {
    @Test func permuteThenContiguousMovesElements() {
        let x = Tensor(shape: [2, 3], scalars: [0, 1, 2, 3, 4, 5])
        let t = x.transposed()
        #expect(t.shape == [3, 2])
        #expect(!t.isContiguous)
        #expect(t.scalars == [0, 3, 1, 4, 2, 5])
        #expect(t.contiguous().isContiguous)
    }

    @Test func reshapeInfersMinusOneAndSharesStorage() {
        let x = Tensor.arange(12)
        let y = x.reshaped(3, -1)
        #expect(y.shape == [3, 4])
        #expect(y.storage === x.storage)
        #expect(y[2, 1] == 9)
    }

    @Test func reshapeOfTransposedViewCopiesInRowMajorOrder() {
        let x = Tensor.arange(6).reshaped(2, 3).transposed()
        #expect(x.reshaped(6).scalars == [0, 3, 1, 4, 2, 5])
    }

    @Test func sliceSelectAndExpandAreViews() {
        let x = Tensor.arange(24).reshaped(2, 3, 4)
        let s = x.slice(2, 1..<3)
        #expect(s.shape == [2, 3, 2])
        #expect(s.scalars == [1, 2, 5, 6, 9, 10, 13, 14, 17, 18, 21, 22])
        #expect(x.select(1, -1).scalars == [8, 9, 10, 11, 20, 21, 22, 23])
        #expect(x[1..<2, 0..<1].scalars == [12, 13, 14, 15])
        let e = Tensor([1, 2, 3]).reshaped(3, 1).expanded(to: [2, 3, 2])
        #expect(e.scalars == [1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3])
    }

    @Test func catAndStackJoinAlongAnAxis() {
        let a = Tensor.arange(4).reshaped(2, 2)
        let b = Tensor(repeating: 9, shape: [2, 1])
        #expect(Tensor.cat([a, b], axis: 1).scalars == [0, 1, 9, 2, 3, 9])
        #expect(Tensor.cat([a, a], axis: 0).shape == [4, 2])
        #expect(Tensor.stack([a, a], axis: 0).shape == [2, 2, 2])
    }

    @Test func writingToAViewDoesNotChangeTheOriginal() {
        let x = Tensor.arange(4)
        var y = x.reshaped(2, 2)
        y[0, 1] = 42
        #expect(x.scalars == [0, 1, 2, 3])
        #expect(y.scalars == [0, 42, 2, 3])
    }

    @Test func broadcastShapesFollowNumPyRules() {
        #expect(Shape.broadcast([2, 1, 4], [3, 1]) == [2, 3, 4])
        #expect(Shape.broadcast([2, 3], [4]) == nil)
        #expect(Shape.broadcast([], [5]) == [5])
    }

    @Test func triangleMasksMatchTorchTriu() {
        let causal = Mask.upperTriangle(3, 3, diagonal: 1)
        #expect(causal.values == [false, true, true, false, false, true, false, false, false])
        #expect(causal.trueCount == 3)
        #expect(causal[0..<2, 1..<3].values == [true, true, false, true])
        #expect((!causal).values == Mask.lowerTriangle(3, 3).values)
    }

    /// Owned buffers start on a cache line, whatever malloc returned, and keep their values.
    @Test func ownedStorageIsCacheLineAligned() {
        let storages = (0..<64).map { TensorStorage(count: 1 + $0 * 37, repeating: Float($0)) }
        #expect(storages.allSatisfy { Int(bitPattern: $0.base) % 64 == 0 })
        #expect(storages.allSatisfy { s in (0..<s.count).allSatisfy { s.base[$0] == Float((s.count - 1) / 37) } })
        let written = TensorStorage(count: 5) { buffer in for i in 0..<5 { buffer[i] = Float(i) } }
        #expect(Int(bitPattern: written.base) % 64 == 0)
        #expect(Tensor(storage: written, shape: [5]).scalars == [0, 1, 2, 3, 4])
        let withSpare = TensorStorage(count: 5, spare: 7) { buffer in
            for i in 0..<5 { buffer[i] = Float(i) }
            (buffer.baseAddress! + 5).initialize(repeating: -1, count: 7)            // scratch, writable
        }
        #expect(withSpare.count == 5 && Tensor(storage: withSpare, shape: [5]).scalars == [0, 1, 2, 3, 4])
    }
}
