import Foundation
import Models
import TensorKit
import Testing
import TestSupport

/// Hugging Face checkpoint directories in both attention vocabularies, built from random weights
/// of a small DINOv2 (hidden 32, 2 layers, 2 heads, patch 14, 3 × 3 position grid).
struct DINOv2HuggingFaceTests {
    static let config: DINOv2Config = {
        var c = DINOv2Config()
        (c.hiddenSize, c.layerCount, c.headCount, c.mlpSize, c.positionGridSize) = (32, 2, 2, 128, 3)
        return c
    }()
    static let configJSON = """
        {"model_type": "dinov2", "hidden_size": 32, "num_hidden_layers": 2, "num_attention_heads": 2,
         "mlp_ratio": 4, "patch_size": 14, "image_size": 42, "layer_norm_eps": 1e-06, "hidden_act": "gelu"}
        """

    static func randomWeights() -> DINOv2Weights {
        let generator = RandomGenerator(seed: 7)
        var tensors: [String: Tensor] = [:]
        for (name, shape) in DINOv2Weights.expectedShapes(config) { tensors[name] = generator.randn(shape) * 0.2 }
        return DINOv2Weights(config: config, source: "random", tensors: tensors)
    }

    /// Writes `weights` under transformers 5 names (`attention.q_proj`, …), optionally prefixed.
    static func writeCheckpoint(_ weights: DINOv2Weights, prefix: String = "", newNames: Bool,
                                config json: String = configJSON) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dinov2-hf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var renamed: [String: Tensor] = [:]
        for (name, tensor) in weights.tensors {
            var key = name
            if newNames {
                for (old, new) in [("attention.attention.query.", "attention.q_proj."), ("attention.attention.key.", "attention.k_proj."),
                                   ("attention.attention.value.", "attention.v_proj."), ("attention.output.dense.", "attention.o_proj.")] {
                    key = key.replacingOccurrences(of: old, with: new)
                }
            }
            renamed[prefix + key] = tensor
        }
        try SafeTensors.write(renamed, to: directory.appendingPathComponent("model.safetensors"))
        try Data(json.utf8).write(to: directory.appendingPathComponent("config.json"))
        return directory
    }

    @Test(arguments: [("", false), ("", true), ("dinov2.", true)])
    func loadsBothVocabularies(prefix: String, newNames: Bool) throws {
        let weights = Self.randomWeights()
        let directory = try Self.writeCheckpoint(weights, prefix: prefix, newNames: newNames)
        defer { try? FileManager.default.removeItem(at: directory) }
        let loaded = try DINOv2Weights(huggingFaceDirectory: directory)
        #expect(loaded.config == Self.config)
        let pixels = RandomGenerator(seed: 3).randn([1, 3, 28, 42])                 // a 2 × 3 grid
        let expected = try DINOv2Model(weights: weights)(pixels)
        let actual = try DINOv2Model(weights: loaded)(pixels)
        #expect(actual.lastHiddenState.shape == [1, 7, 32])
        #expect(bitMismatches(actual.lastHiddenState, expected.lastHiddenState) == 0)
        #expect(actual.attentions.count == 2)
    }

    @Test func missingTensorNamesFileAndTensor() throws {
        var tensors = Self.randomWeights().tensors
        tensors["encoder.layer.1.mlp.fc2.weight"] = nil
        let directory = try Self.writeCheckpoint(DINOv2Weights(config: Self.config, source: "", tensors: tensors), newNames: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("model.safetensors").path
        #expect(throws: DINOv2Error.missingTensor(file: file, tensor: "encoder.layer.1.mlp.fc2.weight")) {
            try DINOv2Weights(huggingFaceDirectory: directory)
        }
    }

    @Test func configThatDisagreesWithTheWeightsNamesTheKey() throws {
        let json = Self.configJSON.replacingOccurrences(of: "\"image_size\": 42", with: "\"image_size\": 56")
        let directory = try Self.writeCheckpoint(Self.randomWeights(), newNames: true, config: json)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("config.json").path
        #expect(throws: DINOv2Error.badConfig(file: file, reason: "'image_size' gives a 4 × 4 position grid, but tensor "
            + "'embeddings.position_embeddings' has shape [1, 10, 32]; config.json and the weights do not belong together")) {
            try DINOv2Weights(huggingFaceDirectory: directory)
        }
    }

    @Test func unsupportedVariantsAreRejected() throws {
        let json = Self.configJSON.replacingOccurrences(of: "\"dinov2\"", with: "\"dinov2_with_registers\"")
        let directory = try Self.writeCheckpoint(Self.randomWeights(), newNames: true, config: json)
        defer { try? FileManager.default.removeItem(at: directory) }
        let error = #expect(throws: DINOv2Error.self) { try DINOv2Weights(huggingFaceDirectory: directory) }
        #expect(error?.description.contains("dinov2_with_registers") == true)
    }
}
