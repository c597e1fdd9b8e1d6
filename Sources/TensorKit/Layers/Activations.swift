import Foundation

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

/// CLIP's activation: `x · σ(1.702 · x)`, computed as `x / (1 + e^(−1.702·x))` eight lanes at a
/// time with the softmax's vectorised `exp`.
public final class QuickGELU: Layer {
    public init() {}
    public func callAsFunction(_ x: Tensor) -> Tensor {
        x.mapLanes(Kernel.self)
    }

    private enum Kernel: LaneKernel {
        @inline(__always)
        static func apply(_ v: FastMath.Lanes) -> FastMath.Lanes { v / (1 + FastMath.exp(-1.702 * v)) }
    }
}
