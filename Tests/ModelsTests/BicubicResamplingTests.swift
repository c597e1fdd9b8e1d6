import Models
import TensorKit
import Testing

/// Expected values from `torch.nn.functional.interpolate(mode="bicubic", align_corners=False)`.
struct BicubicResamplingTests {
    @Test func downsamplesAVectorLikePyTorch() {
        let x = Tensor([0, 1, 4, 9, 16])
        let y = BicubicResampling.matrix(from: 5, to: 3).matmul(x)
        #expect(y.isClose(to: Tensor([0.148149, 4.0, 14.074071]), rtol: 0, atol: 1e-5))
    }

    @Test func upsamplesWithOvershootAndClampedBorders() {
        let x = Tensor([0, 1, 4, 9, 16])
        let y = BicubicResampling.matrix(from: 5, to: 8).matmul(x)
        let torch: [Float] = [-0.0928345, 0.187561, 1.176514, 2.619385, 5.441651, 8.471436, 13.395081, 16.649841]
        #expect(y.isClose(to: Tensor(torch), rtol: 0, atol: 1e-5))
    }

    @Test func rowsOfTheMatrixSumToOne() {
        let m = BicubicResampling.matrix(from: 37, to: 32)
        #expect(m.sum(axis: 1).isClose(to: .ones([32]), rtol: 0, atol: 1e-6))
    }

    @Test func sameSizeIsTheIdentity() {
        #expect(BicubicResampling.matrix(from: 37, to: 37).isClose(to: Tensor(shape: [37, 37]) { $0[0] == $0[1] ? 1 : 0 },
                                                                    rtol: 0, atol: 0))
    }

    @Test func resizesAChannelsLastGrid() {
        // torch: interpolate(arange(12).reshape(1, 1, 3, 4) ** 1.5, size=(2, 7))
        let grid = Tensor((0..<12).map { Float($0) * Float($0).squareRoot() }).reshaped(3, 4, 1)
        let y = BicubicResampling.resize(grid, height: 2, width: 7)
        let torch: [Float] = [1.154186, 1.659462, 2.566912, 3.722988, 5.174924, 6.810232, 7.847418,
                              19.180014, 20.746119, 23.329948, 25.942896, 28.677538, 31.560722, 33.345615]
        #expect(y.shape == [2, 7, 1])
        #expect(y.reshaped(14).isClose(to: Tensor(torch), rtol: 0, atol: 1e-4))
    }
}
