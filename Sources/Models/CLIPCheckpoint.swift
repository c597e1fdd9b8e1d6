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
    private let weights: WeightFiles

    /// Opens `directory`: parses its config, maps its weight files (nothing is copied) and checks
    /// the config against the tensors they hold (`validate`), so that a config claiming more
    /// layers or larger sizes than the weights have is reported before anything is allocated.
    public init(directory: URL) throws {
        self.directory = directory
        let configURL = directory.appendingPathComponent("config.json")
        guard FileManager.default.fileExists(atPath: configURL.path) else {
            throw CLIPCheckpointError.missingFile(directory: directory.path, file: "config.json", hint: Self.hint)
        }
        config = try CLIPVisionConfig(contentsOf: configURL)
        do {
            weights = try WeightFiles(directory: directory)
        } catch let problem as WeightFilesError {
            throw CLIPCheckpointError.weightFiles(problem)
        }
        try Self.validate(config, against: weights, configFile: configURL.path)
    }

    /// The vision-tower tensor `name` (without prefix), checked against `shape`.
    public func tensor(_ name: String, shape: [Int]) throws -> Tensor {
        guard let stored = ["vision_model." + name, name].first(where: { weights.file(holding: $0) != nil }),
              let file = weights.file(holding: stored) else {
            throw CLIPCheckpointError.missingTensor(name: name, expectedShape: shape, searched: weights.files.map(\.path))
        }
        let actual = try file.info(stored).shape
        guard actual == shape else {
            throw CLIPCheckpointError.wrongShape(name: stored, expectedShape: shape, actualShape: actual, file: file.path)
        }
        return try file.tensor(stored)
    }
}
