/// Why a pretrained ViT cannot be run as asked. Every message is one line that says what to change.
public enum PretrainedViTError: Error, CustomStringConvertible, Equatable {
    /// No `--model` was given and the course's DINOv2 is not in the cache (`path`).
    case noModel(path: String)
    /// `config.json` names a `model_type` (or none) that no supported family has.
    case unsupportedModelType(file: String, modelType: String?)
    /// `flag` applies to `family` only, and the model is the other one.
    case flagForOtherModel(flag: String, family: PretrainedViT.Family)
    /// The input side is not a multiple of the patch size within the allowed range.
    case badSize(Int, patchSize: Int, range: ClosedRange<Int>)
    /// `pixel_values` in `file` has a shape the model cannot take; `expected` says which.
    case wrongPixelShape(file: String, shape: [Int], expected: String)
    /// `--size` and the side of `--pixels` disagree.
    case sizeDisagreesWithPixels(size: Int, side: Int)
    /// Both an image and a pixel file were given.
    case imageAndPixels
    /// The model takes `channels` channels, so an RGB image cannot be its input.
    case notRGB(channels: Int)
    /// The sample photo is not in the cache.
    case missingSamplePhoto(path: String)

    public var description: String {
        switch self {
        case .noModel(let path):
            return "no model to run. The course's default, DINOv2 ViT-S/14, is not in the cache: "
                + DINOv2Error.modelMissing(path: path).description
                + " Or run the notebook's own model, openai/clip-vit-base-patch16, with --model DIR. "
                + CLIPCheckpoint.hint
        case .unsupportedModelType(let file, let type):
            let supported = PretrainedViT.Family.allCases.flatMap(\.modelTypes).map { "'\($0)'" }.joined(separator: ", ")
            return "'\(file)' " + (type.map { "has model_type '\($0)'" } ?? "has no model_type")
                + "; supported: \(supported) (DINOv2 and CLIP vision transformers)"
        case .flagForOtherModel(let flag, let family):
            return "\(flag) applies to \(family.rawValue) models only; this one is "
                + (family == .dinov2 ? "a CLIP checkpoint" : "DINOv2")
        case .badSize(let size, let patch, let range):
            return "--size must be a multiple of \(patch) between \(range.lowerBound) and \(range.upperBound)"
                + (patch == 14 ? " (224 or 448)" : "") + ", got \(size)"
        case .wrongPixelShape(let file, let shape, let expected):
            return "pixel_values in '\(file)' has shape \(shape); this model needs \(expected)"
        case .sizeDisagreesWithPixels(let size, let side):
            return "--size \(size) disagrees with --pixels, whose images are \(side) × \(side): the pixel file fixes the size"
        case .imageAndPixels:
            return "give --image or --pixels, not both"
        case .notRGB(let channels):
            return "this model takes \(channels) channels, not RGB; use --pixels"
        case .missingSamplePhoto(let path):
            return "the sample photo '\(path)' is missing: run scripts/setup to fetch it"
        }
    }
}
