import Testing
@testable import TensorKit

@Suite struct ReduceTests {
    let x = Tensor([[1, 2, 3], [4, 5, 6]])

    @Test func sumAndMeanOverEachAxis() {
        #expect(x.sum(axis: 0).scalars == [5, 7, 9])
        #expect(x.sum(axis: 1).scalars == [6, 15])
        #expect(x.sum(axis: -1, keepDim: true).shape == [2, 1])
        #expect(x.mean(axis: 0).scalars == [2.5, 3.5, 4.5])
        #expect(x.sum() == 21)
        #expect(x.mean() == 3.5)
    }

    @Test func maxMinAndArgmax() {
        #expect(x.max(axis: 1).scalars == [3, 6])
        #expect(x.min(axis: 0).scalars == [1, 2, 3])
        #expect(x.max() == 6)
        #expect(Tensor([[3, 9, 1], [7, 0, 2]]).argmax() == [1, 0])
    }

    @Test func maxPropagatesNaN() {
        #expect(Tensor([[1, .nan, 3]]).max(axis: 1).item.isNaN)
    }

    @Test func middleAxisOfRank3() {
        let t = Tensor.arange(24).reshaped(2, 3, 4)
        #expect(t.sum(axis: 1).scalars == [12, 15, 18, 21, 48, 51, 54, 57])
    }
}
