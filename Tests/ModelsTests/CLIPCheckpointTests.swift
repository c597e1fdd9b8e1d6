import Foundation
import Models
import TensorKit
import TestSupport
import Testing

/// Checkpoints written by TensorKit's own writer: other shapes, name prefixes, dtypes, shards and
/// malformed directories.
@Suite struct CLIPCheckpointTests {
    /// Width 40 in 5 heads of 8, 2 layers, 28 px images in 7 px patches (T = 17), tanh GELU.
    static let config = CLIPVisionConfig(hiddenSize: 40, intermediateSize: 56, numHiddenLayers: 2,
                                         numAttentionHeads: 5, imageSize: 28, patchSize: 7, hiddenAct: .geluNew)
    let weights = CLIPCheckpoint.randomWeights(Self.config, seed: 11)
    let pixels = RandomGenerator(seed: 5).randn([2, 3, 28, 28])

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("vlm-clip-\(UUID().uuidString)")
    }

    func written(prefix: String = "", floatFormat: SafeTensors.FloatFormat = .f32,
                 extra: [String: Tensor] = [:]) throws -> URL {
        let directory = Self.temporaryDirectory()
        try CLIPCheckpoint.write(weights.merging(extra) { a, _ in a }, config: Self.config, prefix: prefix,
                                 floatFormat: floatFormat, to: directory)
        return directory
    }

    @Test func randomCheckpointGivesConsistentShapesAndDistributions() throws {
        let directory = try written()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = try CLIPVisionModel(directory: directory)
        #expect(model.config == Self.config)
        let out = model(pixels)
        #expect(out.lastHiddenState.shape == [2, 17, 40])
        #expect(out.poolerOutput.shape == [2, 40])
        #expect(out.hiddenStates.map(\.shape) == Array(repeating: [2, 17, 40], count: 3))
        #expect(out.attentions.map(\.shape) == Array(repeating: [2, 5, 17, 17], count: 2))
        for attention in out.attentions {
            let rowSums = attention.sum(axis: -1)
            #expect((rowSums - 1).abs().max() < 1e-5)
            #expect(attention.min() >= 0)
        }
        #expect(out.lastHiddenState.hasNonFinite == false)
        // Images in a batch never see each other: the second one alone gives the same outputs.
        let alone = model(pixels[1..<2])
        #expect(maxAbsDifference(alone.lastHiddenState, out.lastHiddenState[1..<2]) < 1e-5)
        #expect(maxAbsDifference(alone.attentions[1], out.attentions[1][1..<2]) < 1e-6)
    }

    @Test func prefixAndTextTowerTensorsAreHandled() throws {
        let plain = try written()
        let full = try written(prefix: "vision_model.", extra: ["text_model.embeddings.token_embedding.weight": .ones([7, 4])])
        defer { for d in [plain, full] { try? FileManager.default.removeItem(at: d) } }
        let a = try CLIPVisionModel(directory: plain)(pixels), b = try CLIPVisionModel(directory: full)(pixels)
        #expect(bitMismatches(a.lastHiddenState, b.lastHiddenState) == 0)
    }

    @Test(arguments: [SafeTensors.FloatFormat.f16, .bf16])
    func halfPrecisionWeightsAreConverted(format: SafeTensors.FloatFormat) throws {
        let half = try written(floatFormat: format)
        defer { try? FileManager.default.removeItem(at: half) }
        // The same rounded values stored as F32 must give bit-identical outputs.
        let stored = try SafeTensorsFile(contentsOf: half.appendingPathComponent("model.safetensors"))
        let rounded = Dictionary(uniqueKeysWithValues: try stored.names.map { ($0, try stored.tensor($0)) })
        let single = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: single) }
        try CLIPCheckpoint.write(rounded, config: Self.config, to: single)
        let a = try CLIPVisionModel(directory: half)(pixels), b = try CLIPVisionModel(directory: single)(pixels)
        #expect(bitMismatches(a.poolerOutput, b.poolerOutput) == 0)
        #expect(maxAbsDifference(rounded["post_layernorm.bias"] ?? .zeros([1]), weights["post_layernorm.bias"] ?? .zeros([1])) > 0)
    }

    @Test func shardedCheckpointsAreJoined() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try CLIPCheckpoint.write(weights, config: Self.config, to: directory)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("model.safetensors"))
        let names = weights.keys.sorted()
        let halves = [Array(names.prefix(names.count / 2)), Array(names.dropFirst(names.count / 2))]
        var map: [String: String] = [:]
        for (i, part) in halves.enumerated() {
            let shard = "model-0000\(i + 1)-of-00002.safetensors"
            try SafeTensors.write(weights.filter { part.contains($0.key) }, to: directory.appendingPathComponent(shard))
            for name in part { map["vision_model." + name] = shard }
        }
        let index = try JSONSerialization.data(withJSONObject: ["metadata": [:], "weight_map": map])
        try index.write(to: directory.appendingPathComponent("model.safetensors.index.json"))
        let single = try written()
        defer { try? FileManager.default.removeItem(at: single) }
        let a = try CLIPVisionModel(directory: directory)(pixels), b = try CLIPVisionModel(directory: single)(pixels)
        #expect(bitMismatches(a.lastHiddenState, b.lastHiddenState) == 0)
    }

    @Test func missingFilesAreNamed() throws {
        let empty = Self.temporaryDirectory()
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let noConfig = #expect(throws: CLIPCheckpointError.self) { try CLIPCheckpoint(directory: empty) }
        #expect(noConfig?.description.contains("config.json") == true)
        let json = try JSONSerialization.data(withJSONObject: Self.config.jsonObject)
        try json.write(to: empty.appendingPathComponent("config.json"))
        let noWeights = #expect(throws: CLIPCheckpointError.self) { try CLIPCheckpoint(directory: empty) }
        #expect(noWeights?.description.contains("model.safetensors") == true)
    }

    @Test func missingAndMisshapenTensorsNameTheTensorAndShape() throws {
        var broken = weights
        broken["encoder.layers.1.mlp.fc1.bias"] = nil
        broken["encoder.layers.0.self_attn.q_proj.weight"] = .zeros([40, 41])
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try CLIPCheckpoint.write(broken, config: Self.config, to: directory)
        let wrongShape = #expect(throws: CLIPCheckpointError.self) { try CLIPVisionModel(directory: directory) }
        #expect(wrongShape == .wrongShape(name: "encoder.layers.0.self_attn.q_proj.weight", expectedShape: [40, 40],
                                          actualShape: [40, 41], file: directory.appendingPathComponent("model.safetensors").path))
        broken["encoder.layers.0.self_attn.q_proj.weight"] = weights["encoder.layers.0.self_attn.q_proj.weight"]
        try CLIPCheckpoint.write(broken, config: Self.config, to: directory)
        let missing = #expect(throws: CLIPCheckpointError.self) { try CLIPVisionModel(directory: directory) }
        #expect(missing?.description.contains("'encoder.layers.1.mlp.fc1.bias' (expected shape [56])") == true)
    }

    @Test func configProblemsNameTheKey() throws {
        let directory = Self.temporaryDirectory()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("config.json")
        var json = Self.config.jsonObject
        json["patch_size"] = nil
        try JSONSerialization.data(withJSONObject: ["vision_config": json]).write(to: url)
        #expect(throws: CLIPCheckpointError.missingConfigKey(file: url.path, key: "patch_size")) {
            try CLIPVisionConfig(contentsOf: url)
        }
        json["patch_size"] = 7
        json["hidden_act"] = "swish"
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        let error = #expect(throws: CLIPCheckpointError.self) { try CLIPVisionConfig(contentsOf: url) }
        #expect(error?.description.contains("'hidden_act'") == true)
        json["hidden_act"] = "quick_gelu"
        json["patch_size"] = 29
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        let tooLarge = #expect(throws: CLIPCheckpointError.self) { try CLIPVisionConfig(contentsOf: url) }
        #expect(tooLarge?.description.contains("'patch_size'") == true)
        json["patch_size"] = 7
        json["num_attention_heads"] = 3
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        let indivisible = #expect(throws: CLIPCheckpointError.self) { try CLIPVisionConfig(contentsOf: url) }
        #expect(indivisible?.description.contains("must divide hidden_size (40)") == true)
        try Data("not json".utf8).write(to: url)
        #expect(throws: CLIPCheckpointError.notJSONObject(file: url.path)) { try CLIPVisionConfig(contentsOf: url) }
    }
}
