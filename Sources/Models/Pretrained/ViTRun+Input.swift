import Foundation
import Images
import TensorKit

extension ViTRun {
    /// `pixel_values` `[1, 3, S, S]`, the picture the model sees, and the input's name.
    static func prepare(_ model: PretrainedViT, _ input: ViTInput, size: Int?) throws -> (Tensor, RGBImage, String) {
        switch model {
        case .dinov2(let dinov2, _):
            let P = dinov2.config.patchSize, sizes = dinov2Sizes(patchSize: P)
            if let size, !(sizes.contains(size) && size % P == 0) {
                throw PretrainedViTError.badSize(size, patchSize: P, range: sizes)
            }
            if case .pixels(let url) = input {
                let pixels = try SafeTensorsFile(contentsOf: url).tensor("pixel_values")
                let side = pixels.rank == 4 ? pixels.dim(2) : 0
                guard pixels.rank == 4, pixels.shape == [1, 3, side, side], sizes.contains(side), side % P == 0 else {
                    throw PretrainedViTError.wrongPixelShape(
                        file: url.relativePath, shape: pixels.shape,
                        expected: "[1, 3, S, S] with S a multiple of \(P) from \(sizes.lowerBound) to \(sizes.upperBound)")
                }
                if let size, size != side { throw PretrainedViTError.sizeDisagreesWithPixels(size: size, side: side) }
                return (pixels, image(ofPixels: pixels, mean: DINOv2ImageProcessor.imageNetMean, std: DINOv2ImageProcessor.imageNetStd),
                        url.lastPathComponent)
            }
            let processor = DINOv2ImageProcessor(cropSize: size ?? 224)
            let (photo, name) = try photo(input, sample: CourseCache.photo("coffee.png"))
            let square = processor.resizedAndCropped(photo)
            return (processor.pixelValues(ofCropped: square), square, name)
        case .clip(let clip, _):
            if size != nil { throw PretrainedViTError.flagForOtherModel(flag: "--size", family: .dinov2) }
            let processor = CLIPImageProcessor(size: clip.config.imageSize)
            if case .pixels(let url) = input {
                let pixels = try SafeTensorsFile(contentsOf: url).tensor("pixel_values")
                guard pixels.shape == clip.inputShape(batch: 1) else {
                    throw PretrainedViTError.wrongPixelShape(file: url.relativePath, shape: pixels.shape,
                                                             expected: "\(clip.inputShape(batch: 1))")
                }
                let rgb = clip.config.numChannels == 3
                return (pixels, rgb ? image(ofPixels: pixels, mean: processor.mean, std: processor.std)
                            : RGBImage(width: clip.config.imageSize, height: clip.config.imageSize,
                                       pixels: [UInt8](repeating: 128, count: 3 * clip.config.imageSize * clip.config.imageSize)),
                        url.lastPathComponent)
            }
            guard clip.config.numChannels == 3 else { throw PretrainedViTError.notRGB(channels: clip.config.numChannels) }
            let (photo, name) = input == .sample ? (RGBImage.notebookGradient(), "the notebook's gradient image")
                : try photo(input, sample: nil)
            return (processor(photo), processor.resizedAndCropped(photo), name)
        }
    }

    /// The photo of `.image`, or the sample at `sample`.
    private static func photo(_ input: ViTInput, sample: URL?) throws -> (RGBImage, String) {
        guard case .image(let url) = input else {
            guard let sample, FileManager.default.fileExists(atPath: sample.path) else {
                throw PretrainedViTError.missingSamplePhoto(path: sample?.path ?? "")
            }
            return (try RGBImage(contentsOf: sample), sample.lastPathComponent)
        }
        return (try RGBImage(contentsOf: url), url.lastPathComponent)
    }

    /// Normalised `pixel_values` `[1, 3, S, S]` mapped back to 8-bit colour: `255 · (x · std + mean)`, clamped.
    public static func image(ofPixels pixels: Tensor, mean: [Float], std: [Float]) -> RGBImage {
        let side = pixels.dim(2), plane = side * side, values = pixels.scalars
        var bytes = [UInt8](repeating: 0, count: 3 * plane)
        for i in 0..<plane {
            for c in 0..<3 {
                let x = 255 * (values[c * plane + i] * std[c] + mean[c])
                bytes[i * 3 + c] = UInt8(Swift.min(Swift.max(x.isNaN ? 0 : x, 0), 255).rounded())
            }
        }
        return RGBImage(width: side, height: side, pixels: bytes)
    }
}
