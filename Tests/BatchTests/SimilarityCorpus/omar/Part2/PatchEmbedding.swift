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
        proj = Conv2d(inChannels, embedDim, kernelSize: patchSize, stride: patchSize, padding: 0, bias: true)
    }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        let conv = proj(x)
        let batch = conv.dim(0), channels = conv.dim(1)
        let patches = conv.dim(2) * conv.dim(3)
        return conv.reshaped([batch, channels, patches]).transposed(-1, -2)
    }
    // ANCHOR_END: patch-embedding
}
