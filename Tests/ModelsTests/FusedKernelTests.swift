import Solutions
import TensorKit
import TestSupport
import Testing
@testable import Models

/// The fused kernels that CLIP and DINOv2 run (TensorKit's `multiHeadSelfAttention` and
/// `FusedLinear`) against the one-op-at-a-time forms they replace: the course's own
/// `ScaledDotProductAttention` piece (Part 1's reference solution) and TensorKit's layers.
@Suite struct FusedKernelTests {
    private func random(_ shape: [Int], seed: UInt64, scale: Float = 1) -> Tensor {
        var rng = SplitMix(seed: seed)
        return Tensor(shape: shape, scalars: rng.floats(shape.reduce(1, *), scale: scale))
    }

    /// Heads shared out between threads (B·H ≥ threads) and a single head splitting its products.
    @Test(arguments: [(2, 3, 17, 8), (1, 1, 70, 16), (1, 6, 257, 64)])
    func attentionIsThePart1Piece(batch: Int, heads: Int, tokens: Int, headDim: Int) {
        let C = heads * headDim
        let qkv = random([batch, tokens, 3 * C], seed: UInt64(tokens), scale: 2)
        let (context, attention) = qkv.multiHeadSelfAttention(heads: heads, scale: 1 / Float(headDim).squareRoot())
        func split(_ i: Int) -> Tensor {     // [B, T, 3C] → [B, H, T, D]
            qkv.reshaped(batch, tokens, 3, heads, headDim).select(2, i).permuted(0, 2, 1, 3)
        }
        let (output, weights) = ScaledDotProductAttention.attention(q: split(0), k: split(1), v: split(2), mask: nil)
        #expect(attention.shape == [batch, heads, tokens, tokens])
        #expect(maxAbsDifference(attention, weights) <= 1e-6)
        #expect(maxAbsDifference(context, output.permuted(0, 2, 1, 3).reshaped(batch, tokens, C)) <= 1e-5)
    }

    /// The tails themselves are TensorKitTests' `FusedOpsTests`; here, that the layer passes them on.
    @Test func fusedLinearIsTheLayerWithItsTail() {
        let x = random([2, 33, 48], seed: 1), residual = random([2, 33, 40], seed: 2)
        let layer = Linear(weight: random([40, 48], seed: 4, scale: 0.3), bias: random([40], seed: 5))
        let fused = FusedLinear(layer), plain = layer(x)
        #expect(fused.inFeatures == 48 && fused.outFeatures == 40)
        #expect(maxAbsDifference(fused(x, .bias), plain) <= 1e-5)
        #expect(maxAbsDifference(fused(x, .quickGELU), QuickGELU()(plain)) <= 2e-6)
        #expect(maxAbsDifference(fused(x, .residual(scale: nil, residual: residual)), residual + plain) <= 1e-5)
        let unbiased = Linear(weight: layer.weight, bias: nil)
        #expect(maxAbsDifference(FusedLinear(unbiased)(x, .bias), unbiased(x)) <= 1e-5)
    }

    /// Layers joined into one give their outputs side by side, for `[out, in]` weights (Hugging Face)
    /// and `[in, out]` ones (ONNX, viewed transposed), with and without biases.
    @Test func joinedLayersPutTheirOutputsSideBySide() {
        let x = random([5, 24], seed: 6)
        let outIn = [Linear(weight: random([16, 24], seed: 7), bias: random([16], seed: 8)),
                     Linear(weight: random([8, 24], seed: 9), bias: nil)]
        let inOut = [Linear(weight: random([24, 16], seed: 10).transposed(), bias: random([16], seed: 11)),
                     Linear(weight: random([24, 8], seed: 12).transposed(), bias: random([8], seed: 13))]
        for layers in [outIn, inOut] {
            let joined = FusedLinear(joining: layers)
            #expect(joined.outFeatures == 24 && joined.inFeatures == 24)
            #expect(maxAbsDifference(joined(x, .bias), Tensor.cat(layers.map { $0(x) }, axis: 1)) <= 1e-5)
        }
    }
}
