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
        self.imgSize = imgSize
        self.patchSize = patchSize
        self.nPatches = (imgSize / patchSize) * (imgSize / patchSize)

        // a conv whose stride equals its kernel never overlaps two patches
        proj = Conv2d(inChannels, embedDim, kernelSize: patchSize, stride: patchSize)
    }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        let features = proj(x)
        let rows = features.dim(2), cols = features.dim(3)
        let tokens = features.reshaped(features.dim(0), features.dim(1), rows * cols)
        return tokens.permuted(0, 2, 1)
    }
    // ANCHOR_END: patch-embedding
}
