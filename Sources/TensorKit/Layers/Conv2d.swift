/// 2-D convolution, like `nn.Conv2d(inChannels, outChannels, kernelSize, stride:, padding:, bias:)`.
///
/// - `weight`: `[O, C, k, k]`; `bias`: `[O]` or `nil`.
/// - Input `[B, C, H, W]` → output `[B, O, H', W']` with `H' = (H + 2p − k) / s + 1`.
/// - Computed as im2col + one GEMM: each output position's `C·k·k` receptive field, flattened in
///   `(c, y, x)` order, dotted with the flattened filters. With `stride == kernelSize` this is the
///   ViT patchify: one row per non-overlapping patch.
/// - Initialisation consumes `generator` as PyTorch does (kaiming-uniform weight, then bias, with
///   fan-in `C·k·k`).
public final class Conv2d: Layer {
    public var weight: Tensor
    public var bias: Tensor?
    public let stride: Int
    public let padding: Int

    public init(_ inChannels: Int, _ outChannels: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0,
                bias: Bool = true, generator: RandomGenerator = .default) {
        let fanIn = inChannels * kernelSize * kernelSize
        weight = Init.kaimingUniform([outChannels, inChannels, kernelSize, kernelSize], fanIn: fanIn,
                                     generator: generator)
        self.bias = bias ? Init.biasUniform(outChannels, fanIn: fanIn, generator: generator) : nil
        self.stride = stride
        self.padding = padding
    }

    /// A layer holding the given parameters (for loading checkpoints).
    public init(weight: Tensor, bias: Tensor?, stride: Int, padding: Int = 0) {
        precondition(weight.rank == 4 && weight.dim(2) == weight.dim(3),
                     "Conv2d: weight must be [O, C, k, k], got \(weight.shape)")
        self.weight = weight
        self.bias = bias
        self.stride = stride
        self.padding = padding
    }

    public var kernelSize: Int { weight.dim(2) }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        let (O, C, k) = (weight.dim(0), weight.dim(1), kernelSize)
        precondition(x.rank == 4 && x.dim(1) == C,
                     "Conv2d(\(C) → \(O), k=\(k)): input must be [B, \(C), H, W], got \(x.shape)")
        let (B, H, W) = (x.dim(0), x.dim(2), x.dim(3))
        let Ho = (H + 2 * padding - k) / stride + 1, Wo = (W + 2 * padding - k) / stride + 1
        precondition(Ho > 0 && Wo > 0, "Conv2d: input \(H)×\(W) is smaller than the kernel \(k)×\(k)")
        let columns = im2col(x.contiguous(), k: k, Ho: Ho, Wo: Wo)             // [B, Ho·Wo, C·k·k]
        var y = columns.matmul(weight.reshaped(O, C * k * k).transposed())   // [B, Ho·Wo, O]
        if let bias { y = y + bias }
        return y.transposed(1, 2).reshaped(B, O, Ho, Wo)                     // [B, O, Ho, Wo]
    }

    /// Receptive fields as rows: `[B, C, H, W] → [B, Ho·Wo, C·k·k]`, zero outside the padded input.
    private func im2col(_ x: Tensor, k: Int, Ho: Int, Wo: Int) -> Tensor {
        let (B, C, H, W) = (x.dim(0), x.dim(1), x.dim(2), x.dim(3))
        let row = C * k * k
        let storage = TensorStorage(count: B * Ho * Wo * row) { out in
            let src = x.storage.base + x.offset
            var o = 0
            for b in 0..<B {
                for oy in 0..<Ho {
                    for ox in 0..<Wo {
                        for c in 0..<C {
                            let plane = src + (b * C + c) * H * W
                            for ky in 0..<k {
                                let iy = oy * stride + ky - padding
                                for kx in 0..<k {
                                    let ix = ox * stride + kx - padding
                                    out[o] = (iy >= 0 && iy < H && ix >= 0 && ix < W) ? plane[iy * W + ix] : 0
                                    o += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        return Tensor(storage: storage, shape: [B, Ho * Wo, row])
    }
}
