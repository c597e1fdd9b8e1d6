import TensorKit

/// Part 2 — `patch-embedding`: image → sequence of patch embeddings with one strided convolution.
///
/// `[B, C, H, W]` → conv (kernel = stride = P) `[B, E, H/P, W/P]` → flatten → `[B, E, N]` →
/// transpose → `[B, N, E]`, with `N = (H/P)·(W/P)`.
public protocol PatchEmbedder: AnyObject {
    init(imgSize: Int, patchSize: Int, inChannels: Int, embedDim: Int)
    /// `Conv2d(inChannels, embedDim, kernelSize: patchSize, stride: patchSize)` (PyTorch's `proj`).
    var proj: Conv2d { get }
    var nPatches: Int { get }
    func callAsFunction(_ x: Tensor) -> Tensor
}

/// Part 2 — `vit-attention`: bidirectional multi-head self-attention (no mask).
///
/// `x` `[B, N, C]` → `qkv(x)` `[B, N, 3C]` → `[B, N, 3, H, D]` → `[3, B, H, N, D]` → q, k, v →
/// `weights = softmax(q·kᵀ/√D)` `[B, H, N, N]` → `weights·v` `[B, H, N, D]` → `[B, N, C]` → `proj`.
public protocol ViTSelfAttention: AnyObject {
    init(embedDim: Int, numHeads: Int)
    /// `Linear(C, 3C)` then `Linear(C, C)`, created in that order (PyTorch's `qkv`, `proj`).
    var qkv: Linear { get }
    var proj: Linear { get }
    var numHeads: Int { get }
    func callAsFunction(_ x: Tensor) -> (output: Tensor, weights: Tensor)
}
