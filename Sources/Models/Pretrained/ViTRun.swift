import Foundation
import Images
import TensorKit

/// What a pretrained ViT sees: a photo, a `pixel_values` file, or the family's sample (DINOv2: the
/// course photo coffee.png; CLIP: the notebook's gradient image).
public enum ViTInput: Sendable, Equatable {
    case image(URL)
    case pixels(URL)
    case sample

    /// `--image` or `--pixels` or neither.
    public init(image: String?, pixels: String?) throws(AttentionInputError) {
        switch (image, pixels) {
        case (.some, .some): throw .imageAndPixels
        case (.some(let path), nil): self = .image(URL(fileURLWithPath: path))
        case (nil, .some(let path)): self = .pixels(URL(fileURLWithPath: path))
        case (nil, nil): self = .sample
        }
    }
}

/// One forward pass of a `PretrainedViT` on one input, with every layer's attention.
public struct ViTRun: Sendable {
    public let family: PretrainedViT.Family
    /// `analyze --json`'s `model`.
    public let modelName: String
    /// What the model saw, `S × S`: the resized and cropped photo, or the pixel values mapped back
    /// to 8-bit colours (for drawing maps over it).
    public let picture: RGBImage
    /// The photo's file name, or the pixel file's.
    public let inputName: String
    /// `[1, T, C]` as transformers returns it (DINOv2: after the final LayerNorm; CLIP: before).
    public let lastHiddenState: Tensor
    /// `[1, C]`: DINOv2's is `lastHiddenState[:, 0]`; CLIP's `post_layernorm(lastHiddenState[:, 0])`.
    public let poolerOutput: Tensor
    /// Every layer's attention `[1, H, T, T]`, layer 0 first; `T = 1 + gridHeight · gridWidth`.
    public let attentions: [Tensor]
    public let gridHeight: Int, gridWidth: Int
    /// Patch side `P` in pixels.
    public let patchSize: Int

    /// DINOv2's input sides: multiples of the patch size from one patch to 72 patches (14 … 1008 at 14).
    public static func dinov2Sides(patchSize: Int) -> StrideThrough<Int> {
        stride(from: patchSize, through: 72 * patchSize, by: patchSize)
    }

    /// Runs `model` on `input`. `size` is DINOv2's side (default 224; with `--pixels`, the file's,
    /// which `size` must equal); CLIP takes its config's `image_size` and refuses `size`.
    /// - Throws: `AttentionInputError` for inputs the model cannot take (before anything runs),
    ///   `ImageFileError` and `SafeTensorsError` for files that cannot be read.
    public init(_ model: PretrainedViT, input: ViTInput, size: Int?) throws {
        family = model.family
        modelName = model.name
        patchSize = model.patchSize
        let (pixels, picture, name) = try Self.prepare(model, input, size: size)
        self.picture = picture
        inputName = name
        switch model {
        case .dinov2(let dinov2, _):
            let output = dinov2(pixels)
            (lastHiddenState, attentions) = (output.lastHiddenState, output.attentions)
            poolerOutput = output.lastHiddenState.select(1, 0)          // [1, C]: the class token
            (gridHeight, gridWidth) = (output.gridHeight, output.gridWidth)
        case .clip(let clip, _):
            let output = clip(pixels)
            (lastHiddenState, poolerOutput, attentions) = (output.lastHiddenState, output.poolerOutput, output.attentions)
            (gridHeight, gridWidth) = (clip.config.gridSize, clip.config.gridSize)
        }
    }

    /// Each layer's attention for the one image, `[H, T, T]`.
    public var layerAttentions: [Tensor] { attentions.map { $0[index: 0] } }

    /// `T = 1 + gridHeight · gridWidth`: the class token and the patches.
    public var tokens: Int { 1 + gridHeight * gridWidth }
}
