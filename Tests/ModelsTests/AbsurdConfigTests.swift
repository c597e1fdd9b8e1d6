import Foundation
import Models
import TensorKit
import Testing

/// Configs that lie about their checkpoint — a billion layers, heads that do not divide the width,
/// patches larger than the image, negative or overflowing sizes, missing tensors — are reported in
/// one line naming the key, before anything is allocated for them (a billion-layer CLIP used to
/// abort on a failed allocation).
@Suite struct AbsurdConfigTests {
    /// CLIPCheckpointTests' small checkpoint (width 40, 5 heads, 2 layers, MLP 56, 28 px in 7 px
    /// patches) with `changes` made to its config.json, or `dropped` tensors removed.
    static func clip(_ changes: [String: Any] = [:], dropping dropped: [String] = []) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vlm-absurd-\(UUID().uuidString)")
        var weights = CLIPCheckpoint.randomWeights(CLIPCheckpointTests.config, seed: 1)
        for name in dropped { weights[name] = nil }
        try CLIPCheckpoint.write(weights, config: CLIPCheckpointTests.config, prefix: "vision_model.", to: directory)
        let json = CLIPCheckpointTests.config.jsonObject.merging(changes) { $1 }
        try JSONSerialization.data(withJSONObject: json).write(to: directory.appendingPathComponent("config.json"))
        return directory
    }

    static func clipError(_ changes: [String: Any] = [:], dropping dropped: [String] = []) throws -> CLIPCheckpointError? {
        let directory = try clip(changes, dropping: dropped)
        defer { try? FileManager.default.removeItem(at: directory) }
        return #expect(throws: CLIPCheckpointError.self) { try CLIPVisionModel(directory: directory) }
    }

    @Test(arguments: [
        ("num_hidden_layers", 1_000_000_000, "'num_hidden_layers' in '*' is 1000000000, but the checkpoint holds 2 layers "
            + "(vision_model.encoder.layers.0 … vision_model.encoder.layers.1)."),
        ("num_hidden_layers", 3, "is 3, but the checkpoint holds 2 layers"),
        ("num_hidden_layers", 1, "is 1, but the checkpoint holds 2 layers"),
        ("hidden_size", 1_000_000_000, "'hidden_size' in '*' is 1000000000, but tensor 'vision_model.embeddings.class_embedding' has shape [40]."),
        ("hidden_size", 45, "'hidden_size' in '*' is 45, but tensor 'vision_model.embeddings.class_embedding' has shape [40]."),
        ("num_channels", 1, "'num_channels' in '*' is 1, but tensor 'vision_model.embeddings.patch_embedding.weight' has shape [40, 3, 7, 7]."),
        ("patch_size", 14, "'patch_size' in '*' is 14, but tensor 'vision_model.embeddings.patch_embedding.weight' has shape [40, 3, 7, 7]."),
        ("image_size", 1_000_000_000, "'image_size' in '*' is 1000000000 (a 142857142 × 142857142 grid of 7-pixel patches, plus "
            + "the class token), but tensor 'vision_model.embeddings.position_embedding.weight' has shape [17, 40]."),
        ("image_size", 7_000_000_000_000_000_000, "'image_size' in '*' is 7000000000000000000 (a 1000000000000000000 × "
            + "1000000000000000000 grid"),
        ("intermediate_size", 1_000_000_000, "'intermediate_size' in '*' is 1000000000, but tensor "
            + "'vision_model.encoder.layers.0.mlp.fc1.weight' has shape [56, 40]."),
        ("num_attention_heads", 3, "'num_attention_heads' in '*' (3) must divide hidden_size (40)."),
        ("num_attention_heads", 1_000_000_000, "(1000000000) must divide hidden_size (40)."),
        ("patch_size", 29, "'patch_size' in '*' (29) must not exceed image_size (28)."),
        ("num_hidden_layers", -3, "'num_hidden_layers' in '*' must be a positive integer, got -3."),
        ("image_size", -224, "'image_size' in '*' must be a positive integer, got -224."),
        ("hidden_size", 0, "'hidden_size' in '*' must be a positive integer, got 0."),
    ] as [(String, Int, String)])
    func clipConfigAgainstItsTensors(key: String, value: Int, message: String) throws {
        let error = try #require(try Self.clipError([key: value]))
        let text = error.description
        let parts = message.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        #expect(text.hasPrefix("CLIP checkpoint: ") && !text.contains("\n"))
        #expect(text.contains(parts[0]) && text.contains(parts.last!), "\(text)")
    }

    @Test func clipValuesThatAreNoIntegersAreRejected() throws {
        for value in [1e30, 2.5, -1e9] as [Double] {
            let text = try #require(try Self.clipError(["num_hidden_layers": value])).description
            #expect(text.contains("'num_hidden_layers'") && text.contains("must be a positive integer"), "\(text)")
        }
        let text = try #require(try Self.clipError(["patch_size": "7"])).description
        #expect(text.contains("'patch_size'") && text.contains("must be a positive integer, got 7"))
    }

    @Test func clipMissingTensorsAreNamed() throws {
        let noClass = try #require(try Self.clipError(dropping: ["embeddings.class_embedding"]))
        #expect(noClass.description.contains("no tensor 'embeddings.class_embedding' (expected shape [40])"))
        let layer1 = CLIPCheckpoint.parameterShapes(CLIPCheckpointTests.config).map(\.name).filter { $0.hasPrefix("encoder.layers.1.") }
        let oneLayer = try #require(try Self.clipError(dropping: layer1)).description
        #expect(oneLayer.contains("'num_hidden_layers'") && oneLayer.contains("is 2, but the checkpoint holds 1 layer "
            + "(vision_model.encoder.layers.0)"), "\(oneLayer)")
        let gap = try #require(try Self.clipError(["num_hidden_layers": 3],
                                                  dropping: layer1.map { $0.replacingOccurrences(of: ".1.", with: ".0.") })).description
        #expect(gap.contains("is 3, but the checkpoint holds layer number 1 under 'vision_model.encoder.layers.'"), "\(gap)")
    }

    /// DINOv2HuggingFaceTests' small checkpoint (width 32, 2 layers, 2 heads, MLP 128, 42 px in
    /// 14 px patches) with `config.json` values replaced.
    static func dinov2Error(_ changes: [String: Any]) throws -> DINOv2Error? {
        var json = try #require(try JSONSerialization.jsonObject(with: Data(DINOv2HuggingFaceTests.configJSON.utf8)) as? [String: Any])
        json.merge(changes) { $1 }
        let text = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
        let directory = try DINOv2HuggingFaceTests.writeCheckpoint(DINOv2HuggingFaceTests.randomWeights(), newNames: true, config: text)
        defer { try? FileManager.default.removeItem(at: directory) }
        return #expect(throws: DINOv2Error.self) { try DINOv2Weights(huggingFaceDirectory: directory) }
    }

    @Test(arguments: [
        ("num_hidden_layers", 1_000_000_000, "'num_hidden_layers' is 1000000000, but the weights hold 2 layers "
            + "(encoder.layer.0 … encoder.layer.1)"),
        ("hidden_size", 1_000_000_000, "'hidden_size' gives 1000000000, but tensor 'embeddings.cls_token' has shape [1, 1, 32]"),
        ("patch_size", 7, "'patch_size' gives 7, but tensor 'embeddings.patch_embeddings.projection.weight' has shape [32, 3, 14, 14]"),
        ("patch_size", 43, "'patch_size' gives 43, but tensor 'embeddings.patch_embeddings.projection.weight'"),
        ("image_size", 10, "'image_size' gives a 0 × 0 position grid, but tensor 'embeddings.position_embeddings' has shape [1, 10, 32]"),
        ("image_size", 9_000_000_000_000_000_000, "'image_size' gives a 642857142857142857 × 642857142857142857 position grid"),
        ("mlp_ratio", 1_000_000, "'mlp_ratio' gives an MLP width of 32000000, but tensor 'encoder.layer.0.mlp.fc1.weight' has shape [128, 32]"),
        ("mlp_ratio", -4, "'mlp_ratio' must be a positive number"),
        ("num_attention_heads", 3, "hidden_size 32 is not a multiple of num_attention_heads 3"),
        ("num_hidden_layers", -2, "'num_hidden_layers' must be a positive integer"),
    ] as [(String, Int, String)])
    func dinov2ConfigAgainstItsTensors(key: String, value: Int, message: String) throws {
        let text = try #require(try Self.dinov2Error([key: value])).description
        #expect(text.hasPrefix("dinov2: ") && text.contains("config.json") && !text.contains("\n"))
        #expect(text.contains(message), "\(text)")
    }

    @Test func dinov2RatiosThatOverflowAreRejected() throws {
        for ratio in [1e300, -1e300] {
            let text = try #require(try Self.dinov2Error(["mlp_ratio": ratio])).description
            #expect(text.contains("'mlp_ratio' must be a positive number"), "\(text)")
        }
    }
}
