import Testing
@testable import TensorKit

@Suite struct DescriptionTests {
    @Test func integralFloatsPrintWithATrailingDot() {
        #expect(Tensor([[0, 1], [10, 0]]).description == "tensor([[ 0.,  1.],\n        [10.,  0.]])")
    }

    @Test func fractionsPrintWithFourDecimals() {
        #expect(Tensor([0.12345, -1]).description == "tensor([ 0.1235, -1.0000])")
    }

    @Test func wideMagnitudeRangeSwitchesToScientific() {
        #expect(Tensor([0.00001, 1]).description == "tensor([1.0000e-05, 1.0000e+00])")
    }

    @Test func masksPrintAsBoolAndAsInt() {
        let m = Mask.upperTriangle(2, 2, diagonal: 1)
        #expect(m.description == "tensor([[False,  True],\n        [False, False]])")
        #expect(m.intDescription == "tensor([[0, 1],\n        [0, 0]], dtype=torch.int32)")
    }

    @Test func longRowsWrapAndBigTensorsSummarise() {
        let row = Tensor.arange(30).description
        #expect(row.split(separator: "\n").count > 1)
        #expect(row.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(Tensor.arange(2000).description.contains("..."))
    }
}
