import TensorKernels

/// `y = (x − mean) / √(var + eps) · γ + β` over the last axis, like `nn.LayerNorm(dim, eps:)`
/// (biased variance; `γ` starts at 1 and `β` at 0, drawing nothing from the generator). Each row is
/// one call of TensorKernels' `tk_layer_norm_row`.
///
/// Input `[…, C]` → output `[…, C]`.
public final class LayerNorm: Layer {
    public var weight: Tensor
    public var bias: Tensor
    public let eps: Float

    public init(_ dim: Int, eps: Float = 1e-5) {
        weight = .ones([dim])
        bias = .zeros([dim])
        self.eps = eps
    }

    public init(weight: Tensor, bias: Tensor, eps: Float) {
        precondition(weight.rank == 1 && bias.shape == weight.shape,
                     "LayerNorm: weight \(weight.shape) and bias \(bias.shape) must be equal 1-D shapes")
        self.weight = weight
        self.bias = bias
        self.eps = eps
    }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        let C = weight.dim(0)
        precondition(x.rank >= 1 && x.dim(-1) == C, "LayerNorm(\(C)): input of shape \(x.shape) must end in \(C)")
        let c = x.contiguous(), g = weight.contiguous(), b = bias.contiguous()
        let rows = c.count / Swift.max(C, 1)
        let storage = TensorStorage(count: c.count) { out in
            guard let dst = out.baseAddress else { return }
            let src = c.storage.base + c.offset, gp = g.storage.base + g.offset, bp = b.storage.base + b.offset
            Parallel.forEachChunk(rows, minimumPerChunk: 16_384 / Swift.max(C, 1)) { range in
                for r in range { tk_layer_norm_row(src + r * C, dst + r * C, gp, bp, eps, C) }
            }
        }
        return Tensor(storage: storage, shape: x.shape)
    }
}
