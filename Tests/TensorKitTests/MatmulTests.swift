import PropertyBased
import TestSupport
import Testing
@testable import TensorKit

@Suite struct MatmulTests {
    @Test func twoByThreeTimesThreeByTwo() {
        let a = Tensor([[1, 2, 3], [4, 5, 6]]), b = Tensor([[7, 8], [9, 10], [11, 12]])
        #expect(a.matmul(b).scalars == [58, 64, 139, 154])
    }

    @Test func vectorsDropTheirAxis() {
        let a = Tensor([[1, 2], [3, 4]])
        #expect(a.matmul(Tensor([1, 1])).scalars == [3, 7])
        #expect(Tensor([1, 1]).matmul(a).scalars == [4, 6])
    }

    @Test func transposedViewsNeedNoCopyAndGiveTheSameResult() {
        var rng = SplitMix(seed: 7)
        let q = Tensor(shape: [2, 5, 4], scalars: rng.floats(40)), k = Tensor(shape: [2, 6, 4], scalars: rng.floats(48))
        let viaView = q.matmul(k.transposed())
        let viaCopy = q.matmul(k.transposed().contiguous())
        #expect(viaView.shape == [2, 5, 6])
        #expect(viaView.scalars == viaCopy.scalars)
    }

    @Test func batchDimensionsBroadcast() {
        let a = Tensor.ones([3, 1, 2, 4]), b = Tensor.ones([5, 4, 2])
        let c = a.matmul(b)
        #expect(c.shape == [3, 5, 2, 2])
        #expect(c.scalars.allSatisfy { $0 == 4 })
    }

    /// BLAS agrees with a naive triple loop (in Double) for random shapes and layouts.
    @Test func matchesNaiveLoop() async {
        await propertyCheck(input: Gen.int(in: 1...9).array(of: 4), Gen.bool, Gen.uint64()) { dims, transposeB, seed in
            let (batch, M, K, N) = (dims[0] % 3 + 1, dims[1], dims[2], dims[3])
            var rng = SplitMix(seed: seed)
            let a = Tensor(shape: [batch, M, K], scalars: rng.floats(batch * M * K))
            let b = transposeB
                ? Tensor(shape: [batch, N, K], scalars: rng.floats(batch * N * K)).transposed()
                : Tensor(shape: [batch, K, N], scalars: rng.floats(batch * K * N))
            let c = a.matmul(b)
            #expect(c.shape == [batch, M, N])
            for s in 0..<batch {
                for i in 0..<M {
                    for j in 0..<N {
                        let exact = (0..<K).reduce(0.0) { $0 + Double(a[s, i, $1]) * Double(b[s, $1, j]) }
                        #expect(abs(Double(c[s, i, j]) - exact) < 1e-5)
                    }
                }
            }
        }
    }
}

/// The fused `matmul(_:plusRow:)` against `matmul` followed by a broadcast add.
@Suite struct MatmulPlusRowTests {
    @Test(arguments: [[5, 7], [2, 3, 7], [1, 7]]) func agreesWithMatmulThenAdd(shape: [Int]) {
        let x = RandomGenerator(seed: 1).randn(shape)
        let w = RandomGenerator(seed: 2).randn([4, 7]).transposed()   // [7, 4], a transposed view
        let bias = RandomGenerator(seed: 3).randn([4])
        let fused = x.matmul(w, plusRow: bias), separate = x.matmul(w) + bias
        #expect(fused.shape == separate.shape)
        #expect(zip(fused.scalars, separate.scalars).allSatisfy { abs($0 - $1) <= 1e-5 })
    }

    @Test func vectorInputAndEmptyBatchFallBack() {
        let w = Tensor([[1, 2], [3, 4]]), bias = Tensor([10, 20])
        #expect(Tensor([1, 1]).matmul(w, plusRow: bias).scalars == [14, 26])
        #expect(Tensor.zeros([0, 2]).matmul(w, plusRow: bias).shape == [0, 2])
    }
}
