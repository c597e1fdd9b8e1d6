import Foundation

/// A pretrained vision transformer the course can run and read attention from: its DINOv2
/// ViT-S/14 (the default) or a Hugging Face checkpoint directory, DINOv2 or CLIP by its
/// `config.json` `model_type`.
public enum PretrainedViT {
    case dinov2(DINOv2Model, name: String)
    case clip(CLIPVisionModel, name: String)

    /// The model families, named as messages name them.
    public enum Family: String, Sendable, CaseIterable {
        case dinov2 = "DINOv2"
        case clip = "CLIP"

        /// The `model_type` values of `config.json` each family is read from.
        public var modelTypes: [String] {
            switch self {
            case .dinov2: ["dinov2"]
            case .clip: ["clip", "clip_vision_model"]
            }
        }
    }

    /// The name `analyze --json` reports: the course's model is `dinov2-imgfocus`; a checkpoint is
    /// named after its directory.
    public static let courseModelName = "dinov2-imgfocus"

    /// The course's DINOv2 when `directory` is nil (`DINOv2Pretrained`, checked first), else the
    /// checkpoint in `directory`, by its `model_type`.
    /// - Throws: `AttentionInputError` (no course model, an unsupported `model_type`),
    ///   `CLIPCheckpointError` (no `config.json`, a malformed CLIP checkpoint), `DINOv2Error`.
    public static func load(directory: URL?) throws -> PretrainedViT {
        guard let directory else {
            guard DINOv2Pretrained.isAvailable else { throw AttentionInputError.noModel(path: DINOv2Pretrained.modelURL.path) }
            return .dinov2(try DINOv2Pretrained.load(), name: courseModelName)
        }
        let name = directory.standardizedFileURL.lastPathComponent
        switch try family(ofCheckpoint: directory) {
        case .dinov2: return .dinov2(try DINOv2Model(weights: DINOv2Weights(huggingFaceDirectory: directory)), name: name)
        case .clip: return .clip(try CLIPVisionModel(directory: directory), name: name)
        }
    }

    /// The family `directory`'s `config.json` names in `model_type`.
    public static func family(ofCheckpoint directory: URL) throws -> Family {
        let url = directory.appendingPathComponent("config.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CLIPCheckpointError.missingFile(directory: directory.relativePath, file: "config.json", hint: CLIPCheckpoint.hint)
        }
        guard let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw CLIPCheckpointError.notJSONObject(file: url.relativePath)
        }
        let type = json["model_type"] as? String
        guard let family = Family.allCases.first(where: { family in type.map(family.modelTypes.contains) ?? false }) else {
            throw AttentionInputError.unsupportedModelType(file: url.relativePath, modelType: type)
        }
        return family
    }

    public var family: Family {
        switch self {
        case .dinov2: .dinov2
        case .clip: .clip
        }
    }

    public var name: String {
        switch self {
        case .dinov2(_, let name), .clip(_, let name): name
        }
    }

    /// Patch side `P` in pixels.
    public var patchSize: Int {
        switch self {
        case .dinov2(let model, _): model.config.patchSize
        case .clip(let model, _): model.config.patchSize
        }
    }

    public var layerCount: Int {
        switch self {
        case .dinov2(let model, _): model.config.layerCount
        case .clip(let model, _): model.config.numHiddenLayers
        }
    }

    public var headCount: Int {
        switch self {
        case .dinov2(let model, _): model.config.headCount
        case .clip(let model, _): model.config.numAttentionHeads
        }
    }
}
