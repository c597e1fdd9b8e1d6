/// Why the inputs of an attention run (`vlm-course attention`, `plot clip-layers`) cannot be used:
/// a layer or head choice, an input size, an image or pixel tensor the model cannot take, or a
/// missing default model or photo. Every message is one line that says what to change.
public enum AttentionInputError: Error, CustomStringConvertible, Equatable {
    /// `--layers` names `part`, which is not a layer of a `count`-layer model.
    case notALayer(part: String, count: Int)
    /// `--layers` lists nothing.
    case noLayers
    /// `--head` is `text`, neither `mean` nor a head of a `count`-head model.
    case notAHead(text: String, count: Int)
    /// DINOv2's input side is not a multiple of 14 in 14…1008.
    case badSize(Int)
    /// The model takes `channels` channels, so an RGB image cannot be its input.
    case notRGB(channels: Int)
    /// A `pixel_values` tensor with the wrong shape for the model.
    case wrongPixelShape(file: String, shape: [Int], expected: [Int])
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
        case .badSize(let size):
            return "--size must be a multiple of 14 between 14 and 1008 (224 or 448), got \(size)"
        case .notRGB(let channels):
            return "this model takes \(channels) channels, not RGB; use --pixels"
        case .wrongPixelShape(let file, let shape, let expected):
            return "pixel_values in '\(file)' has shape \(shape); this model needs \(expected)"
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
