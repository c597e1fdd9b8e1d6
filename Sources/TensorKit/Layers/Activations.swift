import Foundation
import TensorKernels

/// GELU, like `nn.GELU(approximate:)`.
/// - `.none` (exact): `x · ½ · (1 + erf(x / √2))`.
/// - `.tanh`: `½ · x · (1 + tanh(√(2/π) · (x + 0.044715 · x³)))`.
public final class GELU: Layer {
    public enum Approximation: Sendable { case none, tanh }
    public let approximate: Approximation

    public init(approximate: Approximation = .none) { self.approximate = approximate }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        switch approximate {
        case .none:
            return x.map { $0 * 0.5 * (1 + Foundation.erf($0 * Float(0.5).squareRoot())) }
        case .tanh:
            let k = Float((2 / Double.pi).squareRoot())
            return x.map { 0.5 * $0 * (1 + Foundation.tanh(k * ($0 + 0.044715 * $0 * $0 * $0))) }
        }
    }
}

/// CLIP's activation: `x · σ(1.702 · x)`, computed as `x / (1 + e^(−1.702·x))` sixteen lanes at a
/// time by `tk_bias_quick_gelu` (TensorKernels), with the softmax's vectorised `exp`.
public final class QuickGELU: Layer {
    public init() {}
    public func callAsFunction(_ x: Tensor) -> Tensor {
        let c = x.contiguous()
        let storage = TensorStorage(count: c.count) { out in
            guard let dst = out.baseAddress else { return }
            dst.update(from: c.storage.base + c.offset, count: out.count)
            Parallel.forEachChunk(out.count, minimumPerChunk: 131_072) { range in
                tk_bias_quick_gelu(dst + range.lowerBound, nil, range.count)
            }
        }
        return Tensor(storage: storage, shape: x.shape)
    }
}
