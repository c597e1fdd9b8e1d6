/// Why DINOv2 weights could not be loaded. Every message names the file (and the tensor where one
/// is involved) and says what to do.
public enum DINOv2Error: Error, CustomStringConvertible, Equatable {
    /// The pretrained model is not in the course cache.
    case modelMissing(path: String)
    /// The cached model's size or sha256 differs from the published file.
    case checksumMismatch(path: String, expected: String, actual: String)
    /// The ONNX graph does not have the shape the mapping expects (`reason` says where).
    case unexpectedGraph(file: String, reason: String)
    /// A weight the model needs is absent.
    case missingTensor(file: String, tensor: String)
    /// A weight has the wrong shape.
    case wrongShape(file: String, tensor: String, expected: [Int], actual: [Int])
    /// `config.json` is unreadable or describes an unsupported variant.
    case badConfig(file: String, reason: String)
    /// The weight files are missing, or their index is malformed or names a missing shard.
    case weightFiles(WeightFilesError)

    public var description: String {
        switch self {
        case .modelMissing(let p):
            return "dinov2: the pretrained model '\(p)' is missing. Run scripts/setup to download it (90 MB, once)."
        case .checksumMismatch(let p, let e, let a):
            return "dinov2: '\(p)' is corrupt or incomplete (\(a), expected \(e)). Delete it and run scripts/setup."
        case .unexpectedGraph(let f, let r):
            return "dinov2: '\(f)' is not the expected DINOv2 ONNX graph: \(r)."
        case .missingTensor(let f, let t):
            return "dinov2: '\(f)' has no tensor '\(t)'. Is it a Dinov2Model checkpoint (hidden states, not a classifier only)?"
        case .wrongShape(let f, let t, let e, let a):
            return "dinov2: tensor '\(t)' in '\(f)' has shape \(a), expected \(e). Check that config.json matches the weights."
        case .badConfig(let f, let r):
            return "dinov2: '\(f)': \(r)."
        case .weightFiles(let problem):
            return "dinov2: \(problem)."
        }
    }
}
