import Foundation
import Testing
@testable import TensorKit

@Suite struct LayerTests {
    @Test func linearComputesXWTransposePlusBias() {
        let layer = Linear(weight: Tensor([[1, 0, 2], [0, 1, -1]]), bias: Tensor([0.5, -0.5]))
        let y = layer(Tensor(shape: [1, 2, 3], scalars: [1, 2, 3, 4, 5, 6]))
        #expect(y.shape == [1, 2, 2])
        #expect(y.scalars == [7.5, -1.5, 16.5, -1.5])
    }

    @Test func conv2dWithStrideEqualToKernelPatchifies() {
        // One input channel, 4×4 image, 2×2 patches, filters "sum of patch" and "top-left pixel".
        let w = Tensor(shape: [2, 1, 2, 2], scalars: [1, 1, 1, 1, 1, 0, 0, 0])
        let conv = Conv2d(weight: w, bias: Tensor([0, 100]), stride: 2)
        let image = Tensor.arange(16).reshaped(1, 1, 4, 4)
        let y = conv(image)
        #expect(y.shape == [1, 2, 2, 2])
        #expect(y.scalars == [10, 18, 42, 50, 100, 102, 108, 110])
    }

    @Test func conv2dWithPaddingAndStrideOne() {
        let conv = Conv2d(weight: Tensor.ones([1, 1, 3, 3]), bias: nil, stride: 1, padding: 1)
        let y = conv(Tensor.ones([1, 1, 3, 3]))
        #expect(y.scalars == [4, 6, 4, 6, 9, 6, 4, 6, 4])
    }

    @Test func layerNormNormalisesEachRow() {
        let norm = LayerNorm(weight: Tensor([1, 2]), bias: Tensor([0, 1]), eps: 0)
        let y = norm(Tensor([[1, 3], [5, 5.5]]))
        #expect(y.scalars == [-1, 3, -1, 3])
    }

    @Test func activationsAtKnownPoints() {
        let x = Tensor([-1, 0, 1])
        let exact = GELU()(x).scalars, tanh = GELU(approximate: .tanh)(x).scalars
        #expect(abs(exact[2] - 0.8413447) < 1e-6 && abs(exact[0] + 0.1586553) < 1e-6 && exact[1] == 0)
        #expect(abs(tanh[2] - 0.8411920) < 1e-6)
        #expect(abs(QuickGELU()(x).scalars[2] - 0.8457957) < 1e-6)
    }

    /// The vectorised QuickGELU agrees with `x·σ(1.702x)` in Double, in the body and the tail.
    @Test func quickGELUMatchesItsFormula() {
        let x = Tensor((0..<37).map { Float($0) * 0.75 - 14 })
        for (v, y) in zip(x.scalars, QuickGELU()(x).scalars) {
            let exact = Double(v) / (1 + Foundation.exp(-1.702 * Double(v)))
            #expect(abs(Double(y) - exact) <= 2e-7 * max(1, abs(exact)))
        }
    }

    @Test func sequentialAppliesLayersInOrder() {
        let double = Linear(weight: Tensor([[2]]), bias: nil), shift = Linear(weight: Tensor([[1]]), bias: Tensor([1]))
        #expect(Sequential(double, shift)(Tensor([[3]])).item == 7)
        #expect(Sequential(shift, double)(Tensor([[3]])).item == 8)
    }
}
