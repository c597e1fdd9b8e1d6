import TensorKit

extension DINOv2Weights {
    /// Checks a Hugging Face `config.json`'s structural fields against the checkpoint's tensors
    /// (legacy names) before anything is built from them, in this order: `hidden_size` (the class
    /// token `[1, 1, C]`), `patch_size` (the patch projection `[C, 3, P, P]`), `image_size` (the
    /// position table `[1, 1 + (S/P)², C]`), `num_hidden_layers` (exactly `encoder.layer.0 … L−1`)
    /// and `mlp_ratio` (layer 0's `fc1` `[C·ratio, C]`). Throws the first disagreement as
    /// `.badConfig`, or `.missingTensor` for a tensor the check needs.
    static func check(_ config: DINOv2Config, against tensors: [String: Tensor], source: String,
                      configFile: String) throws(DINOv2Error) {
        func shape(_ name: String) throws(DINOv2Error) -> [Int] {
            guard let tensor = tensors[name] else { throw .missingTensor(file: source, tensor: name) }
            return tensor.shape
        }
        func disagree(_ key: String, _ value: String, _ name: String, _ actual: [Int]) -> DINOv2Error {
            .badConfig(file: configFile, reason: "'\(key)' gives \(value), but tensor '\(name)' has shape \(actual); "
                       + "config.json and the weights do not belong together")
        }
        let (C, P) = (config.hiddenSize, config.patchSize)
        let cls = try shape("embeddings.cls_token")
        guard cls == [1, 1, C] else { throw disagree("hidden_size", "\(C)", "embeddings.cls_token", cls) }
        let projection = try shape("embeddings.patch_embeddings.projection.weight")
        guard projection.count == 4, projection[0] == C, projection[2] == P, projection[3] == P else {
            throw disagree("patch_size", "\(P)", "embeddings.patch_embeddings.projection.weight", projection)
        }
        let G = config.positionGridSize
        let (square, overflow) = G.multipliedReportingOverflow(by: G)
        let positions = try shape("embeddings.position_embeddings")
        guard !overflow, positions == [1, 1 + square, C] else {
            throw disagree("image_size", "a \(G) × \(G) position grid", "embeddings.position_embeddings", positions)
        }
        let layers = layerNumbers(in: tensors.keys, prefix: "encoder.layer.")
        if let found = layerMismatch(layers, count: config.layerCount, prefix: "encoder.layer.") {
            throw .badConfig(file: configFile, reason: "'num_hidden_layers' is \(config.layerCount), but the weights hold "
                             + "\(found); config.json and the weights do not belong together")
        }
        let fc1 = try shape("encoder.layer.0.mlp.fc1.weight")
        guard fc1 == [config.mlpSize, C] else {
            throw disagree("mlp_ratio", "an MLP width of \(config.mlpSize)", "encoder.layer.0.mlp.fc1.weight", fc1)
        }
    }
}
