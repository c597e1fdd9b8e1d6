/// Why the inputs of an attention run (`vlm-course attention`, `analyze`, `plot clip-layers`) cannot
/// be used: a layer or head choice, an input size, an image or pixel tensor the model cannot take, a
/// flag for the other model, an unsupported checkpoint, or a missing default model or photo. Every
/// message is one line that says what to change.
public enum AttentionInputError: Error, CustomStringConvertible, Equatable {
    /// `--layers` names `part`, which is not a layer of a `count`-layer model.
    case notALayer(part: String, count: Int)
    /// `--layers` lists nothing.
    case noLayers
    /// `--head` is `text`, neither `mean` nor a head of a `count`-head model.
    case notAHead(text: String, count: Int)
    /// DINOv2's input side is not a multiple of the patch size from one to 72 patches (14…1008 at 14).
    case badSize(Int, patchSize: Int = 14)
    /// The model takes `channels` channels, so an RGB image cannot be its input.
    case notRGB(channels: Int)
    /// A `pixel_values` tensor with the wrong shape for the model.
    case wrongPixelShape(file: String, shape: [Int], expected: [Int])
    /// A DINOv2 `pixel_values` tensor that is not `[1, 3, S, S]` with `S` a valid side.
    case wrongPixelSide(file: String, shape: [Int], patchSize: Int)
    /// `--size` and the side of `--pixels` disagree.
    case sizeDisagreesWithPixels(size: Int, side: Int)
    /// Both an image and a pixel file were given.
    case imageAndPixels
    /// `flag` applies to `family` only, and the model is the other one.
    case flagForOtherModel(flag: String, family: PretrainedViT.Family)
    /// A checkpoint's `config.json` names a `model_type` (or none) that no supported family has.
    case unsupportedModelType(file: String, modelType: String?)
    /// Neither the course's DINOv2 is in the cache (`path`) nor a CLIP checkpoint was given.
    case noModel(path: String)
    /// The default sample photo is not in the cache.
    case missingSamplePhoto(path: String)

    public var description: String {
        switch self {
        case .notALayer(let part, let count):
            return "--layers: '\(part)' is not a layer of this model (0…\(count - 1), or -\(count)…-1)"
        case .noLayers:
            return "--layers: no layers given"
        case .notAHead(let text, let count):
            return "--head: '\(text)' is not `mean` or a head index 0…\(count - 1)"
        case .badSize(let size, let patch):
            return "--size must be a multiple of \(patch) between \(patch) and \(72 * patch)"
                + (patch == 14 ? " (224 or 448)" : "") + ", got \(size)"
        case .notRGB(let channels):
            return "this model takes \(channels) channels, not RGB; use --pixels"
        case .wrongPixelShape(let file, let shape, let expected):
            return "pixel_values in '\(file)' has shape \(shape); this model needs \(expected)"
        case .wrongPixelSide(let file, let shape, let patch):
            return "pixel_values in '\(file)' has shape \(shape); this model needs [1, 3, S, S] with S a multiple of "
                + "\(patch) from \(patch) to \(72 * patch)"
        case .sizeDisagreesWithPixels(let size, let side):
            return "--size \(size) disagrees with --pixels, whose images are \(side) × \(side): the pixel file fixes the size"
        case .imageAndPixels:
            return "give --image or --pixels, not both"
        case .flagForOtherModel(let flag, let family):
            return "\(flag) applies to \(family.rawValue) models only; this one is " + (family == .dinov2 ? "a CLIP checkpoint" : "DINOv2")
        case .unsupportedModelType(let file, let type):
            let supported = PretrainedViT.Family.allCases.flatMap(\.modelTypes).map { "'\($0)'" }.joined(separator: ", ")
            return "'\(file)' " + (type.map { "has model_type '\($0)'" } ?? "has no model_type")
                + "; supported: \(supported) (DINOv2 and CLIP vision transformers)"
        case .noModel(let path):
            return "no model to run. The course's default, DINOv2 ViT-S/14, is not in the cache: "
                + DINOv2Error.modelMissing(path: path).description
                + " Or run the notebook's own model, openai/clip-vit-base-patch16, with --model DIR. "
                + CLIPCheckpoint.hint
        case .missingSamplePhoto(let path):
            return "the sample photo '\(path)' is missing: run scripts/setup to fetch it"
        }
    }
}
