import Images
import TensorKit

/// Image preprocessing exactly as transformers' slow `CLIPImageProcessor` (PIL/NumPy path):
///
///     resize   shortest edge → 224 with PIL BICUBIC; long edge int(224 · long / short)
///     crop     centre 224 × 224, top = (h − 224) // 2, left = (w − 224) // 2
///     rescale  float32(float64(u8) · (1/255))
///     normalise (x − mean) / std per channel in float32 (OpenAI CLIP mean/std)
///     layout   [H, W, 3] → [1, 3, 224, 224]
public struct CLIPImageProcessor: Sendable {
    /// Target of the shortest edge after resizing, and the side of the centre crop.
    public var size: Int
    public var mean: [Float]
    public var std: [Float]

    /// `OPENAI_CLIP_MEAN` and `OPENAI_CLIP_STD` from transformers' `image_utils.py`.
    public static let openAIMean: [Float] = [0.48145466, 0.4578275, 0.40821073]
    public static let openAIStd: [Float] = [0.26862954, 0.26130258, 0.27577711]

    public init(size: Int = 224, mean: [Float] = openAIMean, std: [Float] = openAIStd) {
        self.size = size
        self.mean = mean
        self.std = std
    }

    /// `(height, width)` after resizing the shortest edge to `size` (`get_resize_output_image_size`).
    public func resizedSize(width: Int, height: Int) -> (width: Int, height: Int) {
        let short = Swift.min(width, height), long = Swift.max(width, height)
        let newLong = Int(Double(size * long) / Double(short))
        return width <= height ? (size, newLong) : (newLong, size)
    }

    /// The resized and centre-cropped image, still 8-bit.
    public func resizedAndCropped(_ image: RGBImage) -> RGBImage {
        let target = resizedSize(width: image.width, height: image.height)
        let resized = (target.width, target.height) == (image.width, image.height)
            ? image : image.resizedBicubic(width: target.width, height: target.height)
        return resized.cropped(left: (resized.width - size) / 2, top: (resized.height - size) / 2,
                               width: size, height: size)
    }

    /// `pixel_values` `[1, 3, size, size]` for `image`.
    public func callAsFunction(_ image: RGBImage) -> Tensor {
        let square = resizedAndCropped(image)
        let plane = size * size
        var scalars = [Float](repeating: 0, count: 3 * plane)
        for i in 0..<plane {
            for c in 0..<3 {
                let rescaled = Float(Double(square.pixels[i * 3 + c]) * (1.0 / 255.0))
                scalars[c * plane + i] = (rescaled - mean[c]) / std[c]
            }
        }
        return Tensor(shape: [1, 3, size, size], scalars: scalars)
    }
}
