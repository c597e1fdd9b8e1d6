import Contracts
import TensorKit

/// Part 2 — patch embedding: an image becomes a sequence of patch vectors.
///
/// `[B, C, H, W]` → conv (kernel = stride = P) → `[B, E, H/P, W/P]` → flatten → `[B, E, N]` →
/// transpose → `[B, N, E]`, with `N = (H/P)·(W/P)` (196 for a 224×224 image and 16×16 patches).
public class PatchEmbedding {
    public let imgSize: Int
    public let patchSize: Int
    public let nPatches: Int
    public let proj: Conv2d

    // ANCHOR: patch-embedding
    public init(imgSize: Int = 224, patchSize: Int = 16, inChannels: Int = 3, embedDim: Int = 768) {
        self.imgSize = imgSize
        self.patchSize = patchSize
        self.nPatches = (imgSize / patchSize) * (imgSize / patchSize)

        // kernel = stride = P: each output position sees exactly one patch, and its C·P·P pixels
        // are multiplied by the same [E, C·P·P] filter bank — a Linear layer applied per patch.
        proj = Conv2d(inChannels, embedDim, kernelSize: patchSize, stride: patchSize)
    }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        let grid = proj(x)                   // [B, E, H/P, W/P]
        let flat = grid.flattened(from: 2)   // [B, E, N], patches in row-major (raster) order
        return flat.transposed(1, 2)         // [B, N, E]: a sequence of N tokens
    }
    // ANCHOR_END: patch-embedding
}
