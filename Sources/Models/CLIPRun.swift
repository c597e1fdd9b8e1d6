import Foundation
import Images
import TensorKit

/// A CLIP checkpoint run on one image: the data behind `attention --model DIR` and
/// `plot clip-layers --model DIR`.
public struct CLIPRun {
    /// What the model sees.
    public enum Input: Sendable, Equatable {
        /// A PNG or JPEG file, preprocessed like transformers' `CLIPImageProcessor`.
        case image(URL)
        /// A safetensors file with a `pixel_values` tensor `[1, C, S, S]`, used as it is.
        case pixels(URL)
        /// The notebook's 224 × 224 gradient image, preprocessed.
        case notebookGradient
    }

    public let model: CLIPVisionModel
    /// Hidden states and every layer's attention `[1, H, T, T]` for the one image.
    public let output: CLIPVisionOutput

    /// Loads the checkpoint `directory` (every config field checked against its tensors first,
    /// see `CLIPCheckpoint`) and runs it on `input`.
    /// - Throws: `CLIPCheckpointError` for a missing or malformed checkpoint, `ImageFileError` for
    ///   an unreadable image, `SafeTensorsError` for an unreadable pixel file, and
    ///   `AttentionInputError` for inputs the model cannot take.
    public init(directory: URL, input: Input) throws {
        model = try CLIPVisionModel(directory: directory)
        output = model(try Self.pixelValues(for: model, input))
    }

    /// The model's `pixel_values` `[1, C, S, S]` for `input`.
    public static func pixelValues(for clip: CLIPVisionModel, _ input: Input) throws -> Tensor {
        let processor = CLIPImageProcessor(size: clip.config.imageSize)
        switch input {
        case .pixels(let url):
            let values = try SafeTensorsFile(contentsOf: url).tensor("pixel_values")
            guard values.shape == clip.inputShape(batch: 1) else {
                throw AttentionInputError.wrongPixelShape(file: url.relativePath, shape: values.shape, expected: clip.inputShape(batch: 1))
            }
            return values
        case .image(let url):
            guard clip.config.numChannels == 3 else { throw AttentionInputError.notRGB(channels: clip.config.numChannels) }
            return processor(try RGBImage(contentsOf: url))
        case .notebookGradient:
            guard clip.config.numChannels == 3 else { throw AttentionInputError.notRGB(channels: clip.config.numChannels) }
            return processor(RGBImage.notebookGradient())
        }
    }
}
