import Images
import TensorKit

/// Image preprocessing as DINOv2's Hugging Face processor (`BitImageProcessor` of facebook/dinov2-*):
///
///     resize    shortest edge → 256 with PIL BICUBIC (long edge int(256 · long / short))
///     crop      centre 224 × 224
///     rescale   u8 · 1/255, then (x − mean) / std with ImageNet mean/std
///     layout    [H, W, 3] → [1, 3, 224, 224]
///
/// Other crop sizes keep the same 8 : 7 ratio, so a larger input sees the same field of view with
/// finer patches: `cropSize: 448` resizes the shortest edge to 512 and crops 448 (a 32 × 32 grid).
/// Resizing and cropping are `CLIPImageProcessor`'s (PIL-exact); only the sizes and statistics differ.
public struct DINOv2ImageProcessor: Sendable {
    /// Side of the square input; a multiple of the patch size (14).
    public let cropSize: Int

    public static let imageNetMean: [Float] = [0.485, 0.456, 0.406]
    public static let imageNetStd: [Float] = [0.229, 0.224, 0.225]

    public init(cropSize: Int = 224) {
        precondition(cropSize > 0 && cropSize % 14 == 0, "DINOv2ImageProcessor: crop size \(cropSize) is not a positive multiple of 14")
        self.cropSize = cropSize
    }

    /// The shortest edge before cropping: 256 for 224, 512 for 448.
    public var resizeShortestEdge: Int { cropSize * 8 / 7 }

    /// The resized and centre-cropped 8-bit image (what the model sees, before normalisation).
    public func resizedAndCropped(_ image: RGBImage) -> RGBImage {
        let resize = CLIPImageProcessor(size: resizeShortestEdge)
        let target = resize.resizedSize(width: image.width, height: image.height)
        let resized = (target.width, target.height) == (image.width, image.height)
            ? image : image.resizedBicubic(width: target.width, height: target.height)
        return resized.cropped(left: (resized.width - cropSize) / 2, top: (resized.height - cropSize) / 2,
                               width: cropSize, height: cropSize)
    }

    /// `pixel_values` `[1, 3, cropSize, cropSize]` for an already cropped image.
    public func pixelValues(ofCropped square: RGBImage) -> Tensor {
        let plane = cropSize * cropSize
        var scalars = [Float](repeating: 0, count: 3 * plane)
        for i in 0..<plane {
            for c in 0..<3 {
                let rescaled = Float(Double(square.pixels[i * 3 + c]) * (1.0 / 255.0))
                scalars[c * plane + i] = (rescaled - Self.imageNetMean[c]) / Self.imageNetStd[c]
            }
        }
        return Tensor(shape: [1, 3, cropSize, cropSize], scalars: scalars)
    }

    public func callAsFunction(_ image: RGBImage) -> Tensor { pixelValues(ofCropped: resizedAndCropped(image)) }
}
