// Interface stub: the RNG work replaces this file with the bit-exact implementation.
/// PyTorch's CPU generator (MT19937) with torch's sampling algorithms.
public final class RandomGenerator: @unchecked Sendable {
    public static let `default` = RandomGenerator()
    public init(seed: UInt64 = 67_280_421_310_721) {}
    public func manualSeed(_ seed: UInt64) {}
    public func randn(_ shape: [Int], mean: Float = 0, std: Float = 1) -> Tensor { fatalError("stub") }
    public func rand(_ shape: [Int]) -> Tensor { fatalError("stub") }
    public func uniform(_ shape: [Int], from: Float, to: Float) -> Tensor { fatalError("stub") }
}

/// Seeds the default generator, like `torch.manual_seed`.
public func manualSeed(_ seed: UInt64) { RandomGenerator.default.manualSeed(seed) }

/// PyTorch's default initialisation for Linear and Conv2d.
public enum Init {
    /// `kaiming_uniform_(w, a=√5)`: U(-b, b) with b = √3·√(2/(1+5))/√fanIn, drawn in row-major order.
    public static func kaimingUniform(_ shape: [Int], fanIn: Int, generator: RandomGenerator) -> Tensor {
        fatalError("stub")
    }
    /// The bias init of Linear/Conv2d: U(-1/√fanIn, 1/√fanIn), drawn after the weight.
    public static func biasUniform(_ count: Int, fanIn: Int, generator: RandomGenerator) -> Tensor {
        fatalError("stub")
    }
}
