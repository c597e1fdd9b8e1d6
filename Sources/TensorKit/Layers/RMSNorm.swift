/// `y = x / √(mean(x²) + eps) · γ` over the last axis, like transformers' `LlamaRMSNorm` and
/// `MllamaTextRMSNorm` (no mean subtracted, no bias; `γ` starts at 1, drawing nothing from the generator).
///
/// Input `[…, C]` → output `[…, C]`.
public final class RMSNorm: Layer {
    public var weight: Tensor
    public let eps: Float

    public init(_ dim: Int, eps: Float = 1e-6) {
        weight = .ones([dim])
        self.eps = eps
    }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        let C = weight.dim(0)
        precondition(x.rank >= 1 && x.dim(-1) == C, "RMSNorm(\(C)): input of shape \(x.shape) must end in \(C)")
        let meanSquare = (x * x).mean(axis: -1, keepDim: true)  // [..., 1]
        return x / (meanSquare + eps).sqrt() * weight             // [..., C]
    }
}
