/// Why a figure could not be made or written.
public enum FigureError: Error, CustomStringConvertible, Equatable {
    /// `clip-layers` plots a pretrained CLIP's attention and needs its checkpoint.
    case needsCLIPCheckpoint
    /// A piece returned a tensor of the wrong shape (with `--mine`, the learner's code).
    case unexpectedShape(what: String, expected: [Int], got: [Int])
    /// Cairo could not write the PNG.
    case cannotWritePNG(path: String, reason: String)
    /// The figure the learner's runner sent back cannot be drawn.
    case unreadable(String)

    public var description: String {
        switch self {
        case .needsCLIPCheckpoint:
            return "clip-layers needs a CLIP checkpoint: `vlm-course plot clip-layers --model DIR` "
                + "(a folder with config.json and model.safetensors, e.g. openai/clip-vit-base-patch16)"
        case .unexpectedShape(let what, let expected, let got):
            return "\(what) has shape \(got) but the figure needs \(expected); `vlm-course check` shows what is wrong"
        case .cannotWritePNG(let path, let reason):
            return "cannot write PNG '\(path)': \(reason)"
        case .unreadable(let reason):
            return reason
        }
    }
}
