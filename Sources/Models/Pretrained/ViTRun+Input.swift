import Foundation
import Images
import TensorKit

extension ViTRun {
    /// `pixel_values` `[1, 3, S, S]`, the picture the model sees, and the input's name.
    static func prepare(_ model: PretrainedViT, _ input: ViTInput, size: Int?) throws -> (Tensor, RGBImage, String) {
        switch model {
        case .dinov2(let dinov2, _):
            let P = dinov2.config.patchSize
            if let size, !dinov2Sides(patchSize: P).contains(size) { throw AttentionInputError.badSize(size, patchSize: P) }
            if case .pixels(let url) = input {
                let pixels = try SafeTensorsFile(contentsOf: url).tensor("pixel_values")
                let side = pixels.rank == 4 ? pixels.dim(2) : 0
                guard pixels.shape == [1, 3, side, side], dinov2Sides(patchSize: P).contains(side) else {
                    throw AttentionInputError.wrongPixelSide(file: url.relativePath, shape: pixels.shape, patchSize: P)
                }
                if let size, size != side { throw AttentionInputError.sizeDisagreesWithPixels(size: size, side: side) }
                let picture = image(ofPixels: pixels, mean: DINOv2ImageProcessor.imageNetMean, std: DINOv2ImageProcessor.imageNetStd)
                return (pixels, picture, url.lastPathComponent)
            }
            let processor = DINOv2ImageProcessor(cropSize: size ?? 224)
            let url: URL
            if case .image(let file) = input { url = file } else { url = CourseCache.photo("coffee.png") }
            guard input != .sample || FileManager.default.fileExists(atPath: url.path) else {
                throw AttentionInputError.missingSamplePhoto(path: url.path)
            }
            let square = processor.resizedAndCropped(try RGBImage(contentsOf: url))
            return (processor.pixelValues(ofCropped: square), square, url.lastPathComponent)
        case .clip(let clip, _):
            if size != nil { throw AttentionInputError.flagForOtherModel(flag: "--size", family: .dinov2) }
            let processor = CLIPImageProcessor(size: clip.config.imageSize)
            switch input {
            case .pixels(let url):
                let pixels = try CLIPRun.pixelValues(for: clip, .pixels(url))
                let side = clip.config.imageSize
                let picture = clip.config.numChannels == 3 ? image(ofPixels: pixels, mean: processor.mean, std: processor.std)
                    : RGBImage(width: side, height: side, pixels: [UInt8](repeating: 128, count: 3 * side * side))
                return (pixels, picture, url.lastPathComponent)
            case .image(let url):
                let pixels = try CLIPRun.pixelValues(for: clip, .image(url))
                return (pixels, processor.resizedAndCropped(try RGBImage(contentsOf: url)), url.lastPathComponent)
            case .sample:
                let pixels = try CLIPRun.pixelValues(for: clip, .notebookGradient)
                return (pixels, processor.resizedAndCropped(.notebookGradient()), "the notebook's gradient image")
            }
        }
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
