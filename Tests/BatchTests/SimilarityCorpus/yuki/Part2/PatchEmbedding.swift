import Contracts
import TensorKit

/// Part 2 — patch embedding: an image becomes a sequence of patch vectors.
///
/// `[B, C, H, W]` → conv (kernel = stride = P) → `[B, E, H/P, W/P]` → flatten → `[B, E, N]` →
/// transpose → `[B, N, E]`, with `N = (H/P)·(W/P)` (196 for a 224×224 image and 16×16 patches).
public final class PatchEmbedding: PatchEmbedder {
    public let imgSize: Int
    public let patchSize: Int
    public let nPatches: Int
    public let proj: Conv2d

    // ANCHOR: patch-embedding
    public init(imgSize: Int = 224, patchSize: Int = 16, inChannels: Int = 3, embedDim: Int = 768) {
        let grid = imgSize / patchSize
        proj = Conv2d(inChannels, embedDim, kernelSize: patchSize, stride: patchSize)
        nPatches = grid * grid
        self.patchSize = patchSize
        self.imgSize = imgSize
    }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        var y = proj(x)
        y = y.flattened(from: 2, to: 3)
        y = y.permuted([0, 2, 1])
        return y
    }
    // ANCHOR_END: patch-embedding
}
