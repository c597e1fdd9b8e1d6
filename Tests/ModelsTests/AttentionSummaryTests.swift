import Foundation
import Models
import TensorKit
import TestSupport
import Testing

/// Reducing and serialising the attention of the clip-tiny model (FiguresTests draw it).
@Suite struct AttentionSummaryTests {
    let output: CLIPVisionOutput

    init() throws {
        let model = try CLIPVisionModel(directory: Fixtures.url("clip-tiny"))
        output = model(try Fixtures.tensor("clip-tiny/reference.safetensors", "pixel_values"))
    }

    @Test func meanAndSingleHeadsComeFromTheRightLayer() throws {
        let mean = AttentionSummary(output, layers: [-1], head: .mean)
        let head2 = AttentionSummary(output, layers: [1], head: .head(2))
        #expect(mean.layers.map(\.index) == [1])
        let heads = output.attentions[1][index: 0]                           // [4, 17, 17]
        #expect(maxAbsDifference(mean.layers[0].map, heads.mean(axis: 0)) == 0)
        #expect(maxAbsDifference(head2.layers[0].map, heads[index: 2]) == 0)
        let grid = head2.layers[0].classToPatches                            // [4, 4]
        #expect(grid.shape == [4, 4])
        #expect(grid[1, 2] == heads[2, 0, 1 + 1 * 4 + 2])
        #expect(abs(mean.layers[0].map.sum() - 17) < 1e-4)
    }

    @Test func jsonHoldsEveryValueExactly() throws {
        var text = ""
        output.writeJSON { text += $0 }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let pooler = try #require(object["pooler_output"] as? [String: Any])
        #expect(pooler["shape"] as? [Int] == [1, 32])
        let data = try #require(pooler["data"] as? [Double])
        #expect(data.map { Float($0) } == output.poolerOutput.scalars)
        let attentions = try #require(object["attentions"] as? [[String: Any]])
        #expect(attentions.count == 2 && attentions[1]["shape"] as? [Int] == [1, 4, 17, 17])
        #expect((attentions[1]["data"] as? [Double])?.count == 4 * 17 * 17)
    }
}
