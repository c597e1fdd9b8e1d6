import ArgumentParser
import Foundation
import Images
import Models
import TensorKit

/// A CLIP checkpoint run on one image: the data behind `attention --model DIR` and
/// `plot clip-layers --model DIR`.
struct CLIPRun {
    let model: CLIPVisionModel
    /// Hidden states and every layer's attention `[1, H, T, T]` for the one image.
    let output: CLIPVisionOutput

    /// Loads the checkpoint `directory` and runs it on `pixels` (a safetensors file with
    /// `pixel_values` `[1, C, S, S]`), else on `image` preprocessed like CLIPImageProcessor, else on
    /// the notebook's 224 × 224 gradient image.
    /// - Throws: `CLIPCheckpointError` for a missing or malformed checkpoint, `ImageFileError` for
    ///   an unreadable image, `ValidationError` for inputs the model cannot take.
    init(directory: String, image: String?, pixels: String?) throws {
        model = try CLIPVisionModel(directory: URL(fileURLWithPath: directory))
        output = model(try Self.pixelValues(for: model, image: image, pixels: pixels))
    }

    private static func pixelValues(for clip: CLIPVisionModel, image: String?, pixels: String?) throws -> Tensor {
        let processor = CLIPImageProcessor(size: clip.config.imageSize)
        switch (image, pixels) {
        case (.some, .some):
            throw ValidationError("give --image or --pixels, not both")
        case (.some(let path), nil):
            guard clip.config.numChannels == 3 else {
                throw ValidationError("this model takes \(clip.config.numChannels) channels, not RGB; use --pixels")
            }
            return processor(try RGBImage(contentsOf: URL(fileURLWithPath: path)))
        case (nil, .some(let path)):
            let values = try SafeTensorsFile(contentsOf: URL(fileURLWithPath: path)).tensor("pixel_values")
            guard values.shape == clip.inputShape(batch: 1) else {
                throw ValidationError("pixel_values in '\(path)' has shape \(values.shape); this model needs \(clip.inputShape(batch: 1))")
            }
            return values
        case (nil, nil):
            guard clip.config.numChannels == 3 else {
                throw ValidationError("this model takes \(clip.config.numChannels) channels, not RGB; use --pixels")
            }
            return processor(RGBImage.notebookGradient())
        }
    }
}
