import Foundation

/// PyTorch's default parameter initialisations (`torch/nn/init.py`), drawing from a
/// `RandomGenerator` in the same order as torch. Bounds are computed in `Double`, as Python does,
/// then rounded to `Float` before sampling (`uniform_` casts `from`/`to` to the tensor dtype).
///
/// A layer consumes draws in construction order, weight first, then bias:
/// `Linear(in, out)` = `kaimingUniform([out, in], fanIn: in)` then `biasUniform(out, fanIn: in)`;
/// `Conv2d(cIn, cOut, k)` uses `fanIn = cIn·kh·kw` and a weight of shape `[cOut, cIn, kh, kw]`.
public enum Init {
    /// `kaiming_uniform_(w, a=√5)` as in `Linear.reset_parameters`:
    /// `gain = √(2 / (1 + a²))` (with `a² = 5.000000000000001` in Double),
    /// `bound = √3 · gain / √fanIn` (≈ `1/√fanIn`), samples `U(−bound, bound)`.
    public static func kaimingUniform(_ shape: [Int], fanIn: Int, generator: RandomGenerator) -> Tensor {
        precondition(fanIn > 0, "Init.kaimingUniform: fanIn must be positive, got \(fanIn)")
        let a = 5.0.squareRoot()
        let gain = (2.0 / (1 + a * a)).squareRoot()
        let std = gain / Double(fanIn).squareRoot()
        let bound = 3.0.squareRoot() * std
        return generator.uniform(shape, from: Float(-bound), to: Float(bound))
    }

    /// The bias init of `Linear`/`Conv2d`: `U(−1/√fanIn, 1/√fanIn)`, `count` draws
    /// (bound 0 when `fanIn == 0`, as torch does).
    public static func biasUniform(_ count: Int, fanIn: Int, generator: RandomGenerator) -> Tensor {
        precondition(fanIn >= 0, "Init.biasUniform: fanIn must not be negative, got \(fanIn)")
        let bound = fanIn > 0 ? 1 / Double(fanIn).squareRoot() : 0
        return generator.uniform([count], from: Float(-bound), to: Float(bound))
    }

    /// `xavier_uniform_(w, gain)` (used for `MultiheadAttention.in_proj_weight`):
    /// `std = gain · √(2 / (fanIn + fanOut))`, `bound = √3 · std`, samples `U(−bound, bound)`.
    public static func xavierUniform(_ shape: [Int], fanIn: Int, fanOut: Int, gain: Double = 1,
                                     generator: RandomGenerator) -> Tensor {
        precondition(fanIn + fanOut > 0, "Init.xavierUniform: fanIn + fanOut must be positive")
        let std = gain * (2.0 / Double(fanIn + fanOut)).squareRoot()
        let bound = 3.0.squareRoot() * std
        return generator.uniform(shape, from: Float(-bound), to: Float(bound))
    }
}
