import Foundation

/// A CPU random generator that reproduces PyTorch's default CPU generator (`torch.Generator`,
/// `aten/src/ATen/CPUGeneratorImpl.cpp`) bit for bit for float32 `randn`, `rand` and `uniform_`,
/// as computed by the official x86-64 wheels (AVX2 kernels).
///
/// State: an MT19937 engine plus the cached second Box–Muller sample of the double-precision
/// normal path (`next_double_normal_sample_`). Calls consume draws in the same order as torch, so
/// a sequence such as `manualSeed(42); randn([1, 8, 64]); randn([5])` matches torch exactly.
/// Every call takes a lock, so the generator can be shared between threads like torch's.
public final class RandomGenerator: @unchecked Sendable {
    /// The process-wide generator, like torch's default CPU generator. Seed it with `manualSeed(_:)`.
    public static let `default` = RandomGenerator()

    private let lock = NSLock()
    private var engine: MersenneTwister
    /// The spare `r·sin θ` of the last double-precision Box–Muller pair, if not yet used.
    private var cachedNormal: Double?

    /// A generator seeded with `seed` (torch's default seed is 67280421310721).
    public init(seed: UInt64 = 67_280_421_310_721) {
        engine = MersenneTwister(seed: seed)
        cachedNormal = nil
    }

    /// Re-seeds like `torch.manual_seed(seed)` / `Generator.manual_seed`: resets the engine and
    /// clears the cached normal sample (`CPUGeneratorImpl::set_current_seed`).
    public func manualSeed(_ seed: UInt64) {
        lock.withLock {
            engine = MersenneTwister(seed: seed)
            cachedNormal = nil
        }
    }

    /// Samples of `N(mean, std²)` in a new tensor of `shape`, like `torch.randn(shape) * std + mean`
    /// computed as `tensor.normal_(mean, std)` (the draws are identical).
    ///
    /// Two paths, exactly as torch's `normal_kernel` chooses them:
    /// - `count ≥ 16` (our tensors are contiguous float32): the vectorised float kernel
    ///   (`NormalKernel.fillVectorised`, `normal_fill_AVX2`);
    /// - `count < 16`: one double-precision Box–Muller sample per element
    ///   (`normal_distribution<double>`), `u₁, u₂` from 53-bit doubles,
    ///   `r = √(−2·log1p(−u₂))`, `θ = 2π·u₁`, returning `r·cos θ·std + mean` and caching `r·sin θ`
    ///   for the next call, even across calls, until `manualSeed`.
    public func randn(_ shape: [Int], mean: Float = 0, std: Float = 1) -> Tensor {
        let count = Self.checkedCount(shape, op: "randn")
        let storage = TensorStorage(count: count) { buffer in
            lock.withLock {
                if count >= 16 {
                    NormalKernel.fillVectorised(buffer, mean: mean, std: std, engine: &engine)
                } else {
                    for i in 0..<count { buffer[i] = Float(nextDoubleNormal(mean: Double(mean), std: Double(std))) }
                }
            }
        }
        return Tensor(storage: storage, shape: shape)
    }

    /// Uniform samples in `[0, 1)`, like `torch.rand(shape)`: each element is the low 24 bits of one
    /// 32-bit draw times 2⁻²⁴.
    public func rand(_ shape: [Int]) -> Tensor {
        uniform(shape, from: 0, to: 1)
    }

    /// Uniform samples in `[from, to)`, like `torch.empty(shape).uniform_(from, to)`: one 32-bit draw
    /// per element in memory order, `x = (draw & (2²⁴−1))·2⁻²⁴`, `v = fma(x, to − from, from)` in float
    /// with a single rounding, as the fused `uniform_kernel` of the x86-64 wheels computes it.
    public func uniform(_ shape: [Int], from: Float, to: Float) -> Tensor {
        let count = Self.checkedCount(shape, op: "uniform")
        let width = to - from
        let storage = TensorStorage(count: count) { buffer in
            lock.withLock {
                for i in 0..<count { buffer[i] = from.addingProduct(engine.nextUnitFloat(), width) }
            }
        }
        return Tensor(storage: storage, shape: shape)
    }

    /// One sample of `normal_distribution<double>(mean, std)` (caller holds the lock).
    private func nextDoubleNormal(mean: Double, std: Double) -> Double {
        if let cached = cachedNormal {
            cachedNormal = nil
            return cached * std + mean
        }
        let u1 = engine.nextUnitDouble()
        let u2 = engine.nextUnitDouble()
        let r = (-2.0 * Foundation.log1p(-u2)).squareRoot()
        let theta = 2.0 * Double.pi * u1
        cachedNormal = r * Foundation.sin(theta)
        return r * Foundation.cos(theta) * std + mean
    }

    private static func checkedCount(_ shape: [Int], op: String) -> Int {
        precondition(shape.allSatisfy { $0 >= 0 }, "RandomGenerator.\(op): negative dimension in shape \(shape)")
        return Shape.count(shape)
    }
}

/// Seeds `RandomGenerator.default`, like `torch.manual_seed(seed)`.
public func manualSeed(_ seed: UInt64) {
    RandomGenerator.default.manualSeed(seed)
}

extension Tensor {
    /// `torch.randn(shape)` (times `std`, plus `mean`) from `generator` (default: the global one).
    public static func randn(_ shape: [Int], mean: Float = 0, std: Float = 1,
                             generator: RandomGenerator = .default) -> Tensor {
        generator.randn(shape, mean: mean, std: std)
    }

    /// `torch.rand(shape)` from `generator` (default: the global one).
    public static func rand(_ shape: [Int], generator: RandomGenerator = .default) -> Tensor {
        generator.rand(shape)
    }
}
