import Contracts
import TensorKit

/// Part 2 — patch embedding: an image becomes a sequence of patch vectors.
///
/// `[B, 3, height, width]` → conv (kernel = stride = P) → `[B, C, height/P, width/P]` → flatten →
/// `[B, C, N]` → transpose → `[B, N, C]`, with `N = (height/P)·(width/P)` (196 for a 224×224 image
/// and 16×16 patches) and `C = embedDim`.
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

        // TODO: Create the Conv2d that cuts the image into patches and projects each one:
        // `inChannels` → `embedDim` channels, with kernelSize = stride = patchSize, so the
        // patches do not overlap. (One strided convolution = "split into patches + Linear".)
        // Keep its bias (the default), as PyTorch's nn.Conv2d does.
        // proj = Conv2d(...)
        todo("patch-embedding")
    }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        // TODO: Apply the projection, flatten the spatial dims, then swap the last two axes:
        // 1. proj(x):            [B, 3, height, width]    -> [B, C, height/P, width/P]
        // 2. flattened(from: 2): [B, C, height/P, width/P] -> [B, C, N]
        // 3. transposed(1, 2):   [B, C, N]                 -> [B, N, C]
        todo("patch-embedding")
    }
    // ANCHOR_END: patch-embedding
}
