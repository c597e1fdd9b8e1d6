import Foundation
import TensorKit

/// A CLIP checkpoint directory as Hugging Face saves it: `config.json` plus `model.safetensors`,
/// or shards listed in `model.safetensors.index.json`.
///
/// Weights are looked up by their vision-tower name (`encoder.layers.0.mlp.fc1.weight`), first with
/// the `vision_model.` prefix that full `CLIPModel` checkpoints use, then without it (as
/// `CLIPVisionModel.save_pretrained` writes them). Text-tower tensors are never read. F32 tensors
/// stay memory-mapped (zero-copy); F16 and BF16 are converted to F32 as they are read.
public struct CLIPCheckpoint: Sendable {
    public static let hint = """
        A CLIP checkpoint directory holds config.json and model.safetensors (or \
        model.safetensors.index.json and its shards), e.g. from \
        `huggingface-cli download openai/clip-vit-base-patch16 config.json model.safetensors --local-dir DIR`.
        """

    public let directory: URL
    public let config: CLIPVisionConfig
    /// The opened weight files, and for each tensor name the file that holds it.
    private let files: [SafeTensorsFile]
    private let fileOfName: [String: Int]

    /// Opens `directory`: parses its config and maps its weight files (nothing is copied).
    public init(directory: URL) throws {
        self.directory = directory
        let configURL = directory.appendingPathComponent("config.json")
        guard FileManager.default.fileExists(atPath: configURL.path) else {
            throw CLIPCheckpointError.missingFile(directory: directory.path, file: "config.json", hint: Self.hint)
        }
        config = try CLIPVisionConfig(contentsOf: configURL)
        files = try Self.weightFiles(in: directory).map { try SafeTensorsFile(contentsOf: $0) }
        var fileOfName: [String: Int] = [:]
        for (i, file) in files.enumerated() {
            for name in file.names { fileOfName[name] = i }
        }
        self.fileOfName = fileOfName
    }

    /// The vision-tower tensor `name` (without prefix), checked against `shape`.
    public func tensor(_ name: String, shape: [Int]) throws -> Tensor {
        guard let stored = ["vision_model." + name, name].first(where: { fileOfName[$0] != nil }),
              let index = fileOfName[stored] else {
            throw CLIPCheckpointError.missingTensor(name: name, expectedShape: shape, searched: files.map(\.path))
        }
        let file = files[index]
        let actual = try file.info(stored).shape
        guard actual == shape else {
            throw CLIPCheckpointError.wrongShape(name: stored, expectedShape: shape, actualShape: actual, file: file.path)
        }
        return try file.tensor(stored)
    }

    /// `model.safetensors`, or the distinct shards named by `model.safetensors.index.json`.
    private static func weightFiles(in directory: URL) throws -> [URL] {
        let single = directory.appendingPathComponent("model.safetensors")
        if FileManager.default.fileExists(atPath: single.path) { return [single] }
        let index = directory.appendingPathComponent("model.safetensors.index.json")
        guard let data = try? Data(contentsOf: index) else {
            throw CLIPCheckpointError.missingFile(directory: directory.path, file: "model.safetensors", hint: hint)
        }
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw CLIPCheckpointError.notJSONObject(file: index.path)
        }
        guard let map = root["weight_map"] as? [String: String] else {
            throw CLIPCheckpointError.missingConfigKey(file: index.path, key: "weight_map")
        }
        return try Set(map.values).sorted().map { shard in
            let url = directory.appendingPathComponent(shard)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw CLIPCheckpointError.missingShard(index: index.path, shard: shard)
            }
            return url
        }
    }
}
