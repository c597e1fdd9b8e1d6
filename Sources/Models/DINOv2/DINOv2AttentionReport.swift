import Foundation
import Images
import TensorKit

/// Part 4's default view: where a pretrained DINOv2's class token looks in a photo.
///
/// For a `g × g` patch grid, each map is a row of an attention matrix `A` `[T, T]` (T = 1 + g²):
/// `A[0, 1...]`, the class token's attention over the patches, laid out as the grid `[g, g]`.
public struct DINOv2AttentionReport: Sendable {
    /// What the model saw: the resized, centre-cropped photo (`size × size`).
    public let image: RGBImage
    /// The photo's name, for captions.
    public let imageName: String
    /// Patch grid side `g = size / 14`.
    public let gridSize: Int
    /// The layer the per-head maps come from (the last one).
    public let lastLayer: Int
    /// Class token → patches in `lastLayer`, one `[g, g]` map per head.
    public let heads: [Tensor]
    /// Their mean over heads `[g, g]`.
    public let meanOfHeads: Tensor
    /// The notebook's layer grid: (layer, mean over heads `[g, g]`) for the chosen layers.
    public let layerGrid: [(layer: Int, map: Tensor)]

    /// The class token's attention `[H, g, g]` over the patches in one `[B, H, T, T]` attention tensor.
    public static func classToPatches(_ attention: Tensor, gridSize g: Int) -> Tensor {
        attention[index: 0].select(1, 0).slice(1, 1..<(1 + g * g)).reshaped(-1, g, g)   // [H, g, g]
    }

    /// A report of maps already computed: `heads` `[g, g]` each (their mean is `meanOfHeads`), from
    /// layer `lastLayer`, and the layer grid, for `image` (the photo as the model saw it).
    public init(image: RGBImage, imageName: String, lastLayer: Int, heads: [Tensor], layerGrid: [(layer: Int, map: Tensor)]) {
        precondition(!heads.isEmpty && heads.allSatisfy { $0.rank == 2 && $0.shape == heads[0].shape },
                     "DINOv2AttentionReport: heads must be equal [g, g] maps")
        (self.image, self.imageName, self.lastLayer, self.heads, self.layerGrid) = (image, imageName, lastLayer, heads, layerGrid)
        gridSize = heads[0].dim(0)
        meanOfHeads = Tensor.stack(heads).mean(axis: 0)
    }

    /// Runs `model` on `photo` at `size` (224 or 448, any multiple of 14) and collects the maps.
    public init(model: DINOv2Model, photo: RGBImage, imageName: String, size: Int = 224,
                layers: [Int] = [0, 3, 6, 9, 11]) {
        let processor = DINOv2ImageProcessor(cropSize: size)
        let square = processor.resizedAndCropped(photo)
        let output = model(processor.pixelValues(ofCropped: square))
        self.init(image: square, imageName: imageName, attentions: output.attentions, gridSize: output.gridHeight,
                  layers: layers.filter { $0 < output.attentions.count })
    }

    /// The maps of `attentions` (every layer's `[1, H, T, T]`, `T = 1 + g²`) of a run on `image`.
    init(image: RGBImage, imageName: String, attentions: [Tensor], gridSize g: Int, layers: [Int]) {
        self.image = image
        self.imageName = imageName
        gridSize = g
        lastLayer = attentions.count - 1
        let last = Self.classToPatches(attentions[lastLayer], gridSize: g)          // [H, g, g]
        heads = (0..<last.dim(0)).map { last[index: $0].contiguous() }
        meanOfHeads = last.mean(axis: 0)                                            // [g, g]
        layerGrid = layers.map { ($0, Self.classToPatches(attentions[$0], gridSize: g).mean(axis: 0)) }
    }
}
