import Images
import Models
import TensorKit
import Testing

struct DINOv2AttentionReportTests {
    @Test func classToPatchesIsRowZeroWithoutTheClassColumn() {
        // [B=1, H=2, T=5, T=5] with A[0, h, i, j] = 100·h + 10·i + j; grid 2 × 2.
        let attention = Tensor(shape: [1, 2, 5, 5]) { Float(100 * $0[1] + 10 * $0[2] + $0[3]) }
        let maps = DINOv2AttentionReport.classToPatches(attention, gridSize: 2)
        #expect(maps.shape == [2, 2, 2])
        #expect(maps.scalars == [1, 2, 3, 4, 101, 102, 103, 104])
    }
}
