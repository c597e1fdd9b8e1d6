import TensorKit

/// Pixels to tokens: patchify, prepend the class token, add position embeddings interpolated to the
/// input's patch grid.
///
///     patches = Conv2d(3 → C, kernel P, stride P)(pixels)        [B, C, h, w] → [B, N, C], N = h·w
///     tokens  = [cls ; patches] + [pos_cls ; bicubic(pos_grid, G×G → h×w)]       [B, 1 + N, C]
///
/// `h = H / P` and `w = W / P` by integer division, as Hugging Face's `Dinov2Embeddings` does.
final class DINOv2Embeddings {
    let patchEmbedding: Conv2d
    /// `[1, 1, C]`.
    let classToken: Tensor
    /// `[1, C]`: the class token's position embedding.
    let classPosition: Tensor
    /// `[G, G, C]`: the pretrained positions of the patch grid.
    let positionGrid: Tensor

    init(weights: DINOv2Weights) throws(DINOv2Error) {
        let c = weights.config
        let (C, P, G) = (c.hiddenSize, c.patchSize, c.positionGridSize)
        patchEmbedding = Conv2d(weight: try weights.tensor("embeddings.patch_embeddings.projection.weight", [C, 3, P, P]),
                                bias: try weights.tensor("embeddings.patch_embeddings.projection.bias", [C]),
                                stride: P)
        classToken = try weights.tensor("embeddings.cls_token", [1, 1, C])
        let table = try weights.tensor("embeddings.position_embeddings", [1, 1 + G * G, C])
        classPosition = table.select(0, 0).slice(0, 0..<1)                        // [1, C]
        positionGrid = table.select(0, 0).slice(0, 1..<(1 + G * G)).reshaped(G, G, C)   // [G, G, C]
    }

    /// `[B, 3, H, W]` → `[B, 1 + h·w, C]`.
    func callAsFunction(_ pixels: Tensor) -> Tensor {
        let B = pixels.dim(0), C = classToken.dim(-1), P = patchEmbedding.kernelSize
        let (h, w) = (pixels.dim(2) / P, pixels.dim(3) / P)
        let patches = patchEmbedding(pixels).flattened(from: 2).transposed(1, 2)   // [B, N, C]
        let cls = classToken.expanded(to: [B, 1, C])                                 // [B, 1, C]
        let tokens = Tensor.cat([cls, patches], axis: 1)                             // [B, 1 + N, C]
        return tokens + positions(h: h, w: w)                                        // [B, 1 + N, C]
    }

    /// The position table for an `h × w` patch grid: `[1 + h·w, C]`.
    func positions(h: Int, w: Int) -> Tensor {
        let grid = BicubicResampling.resize(positionGrid, height: h, width: w)   // [h, w, C]
        return Tensor.cat([classPosition, grid.reshaped(h * w, -1)], axis: 0)    // [1 + h·w, C]
    }
}
