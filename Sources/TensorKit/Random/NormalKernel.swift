/// The float32 normal-sampling kernels of PyTorch's CPU `normal_`
/// (`aten/src/ATen/native/cpu/DistributionTemplates.h`), as run by the official x86-64 wheels.
///
/// Box–Muller on pairs `(u₁, u₂)` of uniforms:
///   `r = √(−2·ln(1 − u₁))`, `θ = 2π·u₂`, giving `r·cos θ` and `r·sin θ`,
/// each then mapped to `fma(n, std, mean)`.
enum NormalKernel {
    /// `2π` rounded to float (6.2831855), multiplied in float as the AVX2 kernel does.
    static let twoPi: Float = 6.2831855

    /// `normal_fill_16_AVX2`: turns 16 uniforms in `d[0..<16]` into 16 normals, pairing lane `j`
    /// (`u₁ = 1 − d[j]`) with lane `j + 8` (`u₂ = d[j+8]`); cosines go to the first half, sines
    /// to the second.
    static func fill16(_ d: UnsafeMutablePointer<Float>, mean: Float, std: Float) {
        for j in 0..<8 {
            let u1 = 1 - d[j]
            let u2 = d[j + 8]
            let radius = (-2 * AVXMath.log(u1)).squareRoot()
            let theta = twoPi * u2
            let (s, c) = AVXMath.sincos(theta)
            d[j] = mean.addingProduct(radius * c, std)
            d[j + 8] = mean.addingProduct(radius * s, std)
        }
    }

    /// `normal_fill_AVX2` for a contiguous buffer of `n ≥ 16` floats:
    /// 1. draw `n` uniforms in memory order;
    /// 2. transform each aligned block of 16 (`0, 16, 32, …`);
    /// 3. if `n mod 16 ≠ 0`, draw 16 *new* uniforms into the last 16 slots (overwriting part of
    ///    the last full block) and transform them again.
    /// Consumes `n` (+16 when `n mod 16 ≠ 0`) 32-bit draws and never touches the cached normal.
    static func fillVectorised(_ d: UnsafeMutableBufferPointer<Float>, mean: Float, std: Float,
                               engine: inout MersenneTwister) {
        let n = d.count
        precondition(n >= 16, "NormalKernel.fillVectorised needs at least 16 elements, got \(n)")
        guard let base = d.baseAddress else { return }
        for i in 0..<n { base[i] = engine.nextUnitFloat() }
        var start = 0
        while start + 16 <= n {
            fill16(base + start, mean: mean, std: std)
            start += 16
        }
        if n % 16 != 0 {
            let tail = base + (n - 16)
            for i in 0..<16 { tail[i] = engine.nextUnitFloat() }
            fill16(tail, mean: mean, std: std)
        }
    }
}
