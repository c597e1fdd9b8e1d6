import TensorKit
import TestSupport
import Testing

/// TensorKit's fused operations against the one-op-at-a-time forms they replace: the packed linear
/// product with its tails, and multi-head self-attention on a packed `[B, T, 3C]` tensor.
@Suite struct FusedOpsTests {
    private func random(_ shape: [Int], seed: UInt64, scale: Float = 1) -> Tensor {
        var rng = SplitMix(seed: seed)
        return Tensor(shape: shape, scalars: rng.floats(shape.reduce(1, *), scale: scale))
    }

    /// 33 and 197 rows end in a partial group of rows (computed whole in the spare floats).
    @Test(arguments: [33, 197])
    func linearTailsAreTheLayersOneOpAtATime(tokens: Int) {
        let x = random([2, tokens, 48], seed: 1), residual = random([2, tokens, 40], seed: 2), gamma = random([40], seed: 3)
        let layer = Linear(weight: random([40, 48], seed: 4, scale: 0.3), bias: random([40], seed: 5))
        let packed = GEMM.PackedMatrix(layer.weight), plain = layer(x)
        func linear(_ tail: LinearTail) -> Tensor { x.linear(packed, bias: layer.bias, tail) }
        #expect(linear(.bias).shape == [2, tokens, 40])
        #expect(maxAbsDifference(linear(.bias), plain) <= 1e-5)
        #expect(maxAbsDifference(linear(.gelu), GELU()(plain)) <= 2e-6)
        #expect(maxAbsDifference(linear(.geluTanh), GELU(approximate: .tanh)(plain)) <= 2e-6)
        #expect(maxAbsDifference(linear(.quickGELU), QuickGELU()(plain)) <= 2e-6)
        #expect(maxAbsDifference(linear(.residual(scale: gamma, residual: residual)), residual + gamma * plain) <= 1e-5)
        #expect(maxAbsDifference(linear(.residual(scale: nil, residual: residual)), residual + plain) <= 1e-5)
        #expect(maxAbsDifference(x.linear(packed, bias: nil), x.matmul(layer.weight.transposed())) <= 1e-5)
    }

    /// A strided (transposed) input is read as the values it shows.
    @Test func linearReadsAnyStrides() {
        let x = random([24, 7], seed: 6).transposed()                        // [7, 24], not contiguous
        let weight = random([16, 24], seed: 7)
        #expect(maxAbsDifference(x.linear(GEMM.PackedMatrix(weight), bias: nil), x.matmul(weight.transposed())) <= 1e-5)
    }

    /// Heads shared out between threads (B·H ≥ threads), a single head splitting its products, and
    /// 1,025 tokens: several blocks of query rows per head.
    @Test(arguments: [(2, 3, 17, 8), (1, 1, 70, 16), (1, 2, 1025, 16)])
    func selfAttentionIsSoftmaxOfScaledScoresTimesValues(batch: Int, heads: Int, tokens: Int, headDim: Int) {
        let C = heads * headDim, scale = 1 / Float(headDim).squareRoot()
        let qkv = random([batch, tokens, 3 * C], seed: UInt64(tokens), scale: 2)
        let (context, attention) = qkv.multiHeadSelfAttention(heads: heads, scale: scale)
        func split(_ i: Int) -> Tensor {     // [B, T, 3C] → [B, H, T, D]
            qkv.reshaped(batch, tokens, 3, heads, headDim).select(2, i).permuted(0, 2, 1, 3)
        }
        let weights = (split(0).matmul(split(1).transposed()) * scale).softmax()
        let output = weights.matmul(split(2)).permuted(0, 2, 1, 3).reshaped(batch, tokens, C)
        #expect(attention.shape == [batch, heads, tokens, tokens] && context.shape == [batch, tokens, C])
        #expect(maxAbsDifference(attention, weights) <= 1e-6)
        #expect(maxAbsDifference(context, output) <= 1e-5)
    }
}
