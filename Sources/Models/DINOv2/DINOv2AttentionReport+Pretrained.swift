import Foundation
import Images

extension DINOv2AttentionReport {
    /// Input sides `attention` accepts: multiples of the patch size, 14 … 1008 (224 or 448 in practice).
    public static let sizes = stride(from: 14, through: 1008, by: 14)

    /// The course's DINOv2 ViT-S/14 (`DINOv2Pretrained`) on `image`, else on the sample photo
    /// coffee.png, at `size`, with the layer grid `layers` (`AttentionChoice.layers` syntax).
    /// - Throws: `AttentionInputError` for a bad size (checked before anything is read), a missing
    ///   model or sample photo and a layer list the model does not have; `ImageFileError` and
    ///   `DINOv2Error` for files that cannot be read.
    public static func pretrained(image: URL?, size: Int, layers: String?) throws -> DINOv2AttentionReport {
        guard sizes.contains(size) else { throw AttentionInputError.badSize(size) }
        let run = try ViTRun(try PretrainedViT.load(directory: nil), input: image.map(ViTInput.image) ?? .sample, size: size)
        return DINOv2AttentionReport(run, layers: try AttentionChoice.layers(layers, count: run.attentions.count))
    }
}
