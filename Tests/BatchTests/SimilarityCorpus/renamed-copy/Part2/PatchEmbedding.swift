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
    public init(imgSize size: Int = 224, patchSize p: Int = 16, inChannels channels: Int = 3, embedDim dim: Int = 768) {
        self.imgSize = size
        self.patchSize = p
        self.nPatches = (size / p) * (size / p)
        // non-overlapping windows: stride == kernel
        proj = Conv2d(channels, dim, kernelSize: p, stride: p)
    }

    public func callAsFunction(_ image: Tensor) -> Tensor {
        let maps = proj(image)
        let seq = maps.flattened(from: 2)
        return seq.transposed(1, 2)
    }
    // ANCHOR_END: patch-embedding
}
