extension CLIPCheckpoint {
    /// Checks `config`'s structural fields against the tensors in `weights`, before anything is
    /// allocated for them, in this order: `hidden_size` (the class embedding `[C]`), `num_channels`
    /// and `patch_size` (the patch embedding `[C, channels, P, P]`), `image_size` (the position
    /// embedding `[(S/P)² + 1, C]`), `num_hidden_layers` (the layers present, exactly
    /// `encoder.layers.0 … L−1`) and `intermediate_size` (layer 0's `fc1` `[F, C]`). Throws the
    /// first disagreement (`.configDisagrees`), or `.missingTensor` for a tensor the check needs.
    static func validate(_ config: CLIPVisionConfig, against weights: WeightFiles, configFile: String) throws(CLIPCheckpointError) {
        func stored(_ name: String, _ expected: [Int]) throws(CLIPCheckpointError) -> (name: String, shape: [Int]) {
            for candidate in ["vision_model." + name, name] {
                if let file = weights.file(holding: candidate), let shape = try? file.info(candidate).shape {
                    return (candidate, shape)
                }
            }
            throw .missingTensor(name: name, expectedShape: expected, searched: weights.files.map(\.path))
        }
        func disagree(_ key: String, _ value: Int, _ tensor: (name: String, shape: [Int])) -> CLIPCheckpointError {
            .configDisagrees(file: configFile, key: key,
                             reason: "is \(value), but tensor '\(tensor.name)' has shape \(tensor.shape)")
        }
        let (C, P, channels) = (config.hiddenSize, config.patchSize, config.numChannels)
        let classEmbedding = try stored("embeddings.class_embedding", [C])
        guard classEmbedding.shape == [C] else { throw disagree("hidden_size", C, classEmbedding) }
        let patches = try stored("embeddings.patch_embedding.weight", [C, channels, P, P])
        guard patches.shape.count == 4, patches.shape[0] == C else { throw disagree("hidden_size", C, patches) }
        guard patches.shape[1] == channels else { throw disagree("num_channels", channels, patches) }
        guard patches.shape[2] == P, patches.shape[3] == P else { throw disagree("patch_size", P, patches) }
        let grid = config.imageSize / P
        let (square, overflow) = grid.multipliedReportingOverflow(by: grid)
        let positions = try stored("embeddings.position_embedding.weight", overflow ? [] : [square + 1, C])
        guard !overflow, positions.shape == [square + 1, C] else {
            throw .configDisagrees(file: configFile, key: "image_size", reason:
                "is \(config.imageSize) (a \(grid) × \(grid) grid of \(P)-pixel patches, plus the class token), "
                + "but tensor '\(positions.name)' has shape \(positions.shape)")
        }
        let names = weights.names
        let prefix = ["vision_model.encoder.layers.", "encoder.layers."]
            .first { p in names.contains { $0.hasPrefix(p) } } ?? "encoder.layers."
        let layers = layerNumbers(in: names, prefix: prefix)
        if let found = layerMismatch(layers, count: config.numHiddenLayers, prefix: prefix) {
            throw .configDisagrees(file: configFile, key: "num_hidden_layers",
                                   reason: "is \(config.numHiddenLayers), but the checkpoint holds \(found)")
        }
        let F = config.intermediateSize
        let fc1 = try stored("encoder.layers.0.mlp.fc1.weight", [F, C])
        guard fc1.shape == [F, C] else { throw disagree("intermediate_size", F, fc1) }
    }
}
