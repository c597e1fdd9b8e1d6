/// Why a CLIP checkpoint directory could not be loaded. Every message names the file, key or
/// tensor involved and says what to do about it.
public enum CLIPCheckpointError: Error, CustomStringConvertible, Equatable {
    /// `directory` holds no file named `file` (`hint` says where to get it).
    case missingFile(directory: String, file: String, hint: String)
    /// `config.json` (or its `vision_config`) lacks a required key.
    case missingConfigKey(file: String, key: String)
    /// A config value has the wrong type or an impossible value.
    case invalidConfigValue(file: String, key: String, reason: String)
    /// A file is not the JSON object it should be.
    case notJSONObject(file: String)
    /// No shard holds the tensor, under either name (`vision_model.` prefix or not).
    case missingTensor(name: String, expectedShape: [Int], searched: [String])
    /// The tensor exists with another shape than the config implies.
    case wrongShape(name: String, expectedShape: [Int], actualShape: [Int], file: String)
    /// A config value disagrees with the tensors in the checkpoint (`reason` says which and how).
    case configDisagrees(file: String, key: String, reason: String)
    /// The weight files are missing, or their index is malformed or names a missing shard.
    case weightFiles(WeightFilesError)

    public var description: String {
        switch self {
        case .missingFile(let directory, let file, let hint):
            return "CLIP checkpoint: '\(directory)' has no '\(file)'. \(hint)"
        case .missingConfigKey(let file, let key):
            return "CLIP checkpoint: '\(file)' has no '\(key)' (needed for the vision tower). Use the config.json saved with the weights."
        case .invalidConfigValue(let file, let key, let reason):
            return "CLIP checkpoint: '\(key)' in '\(file)' \(reason)."
        case .notJSONObject(let file):
            return "CLIP checkpoint: '\(file)' is not a JSON object. Re-download it."
        case .missingTensor(let name, let shape, let searched):
            return "CLIP checkpoint: no tensor '\(name)' (expected shape \(shape)) in \(searched.joined(separator: ", ")), with or without the 'vision_model.' prefix. Is this a CLIP vision checkpoint?"
        case .wrongShape(let name, let expected, let actual, let file):
            return "CLIP checkpoint: tensor '\(name)' in '\(file)' has shape \(actual), but config.json implies \(expected). The weights and config.json do not belong together."
        case .configDisagrees(let file, let key, let reason):
            return "CLIP checkpoint: '\(key)' in '\(file)' \(reason). config.json and the weights do not belong together."
        case .weightFiles(let problem):
            return "CLIP checkpoint: \(problem). \(CLIPCheckpoint.hint)"
        }
    }
}
