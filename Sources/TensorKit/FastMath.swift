/// Vectorised `exp` for the softmax hot loop: the Cephes `expf` algorithm on 8 lanes
/// (about 1 ulp from the correctly rounded result for x ≤ 88.376; `+∞` above that, `0` below
/// −87.34 and exactly 0 for `exp(−∞)`). Softmax only feeds it `x − max ≤ 0`.
///
/// exp(x) = 2ⁿ · exp(r), n = round(x·log₂e), r = x − n·ln2 (ln2 split in two parts for accuracy),
/// exp(r) ≈ 1 + r + r²·P(r) with a degree-5 polynomial P.
enum FastMath {
    typealias Lanes = SIMD8<Float>

    @inline(__always)
    static func exp(_ x: Lanes) -> Lanes {
        let hi: Float = 88.3762626647949, lo: Float = -87.3365447505531
        // Clamp with masked selects: on the baseline x86-64 target they compile to plain SSE,
        // where pointwiseMin/Max and `.rounded` are several times slower.
        var v = x
        v.replace(with: lo, where: v .< lo)
        v.replace(with: hi, where: v .> hi)
        // n = round(v·log₂e): adding 1.5·2²³ rounds to an integer held in the low mantissa bits.
        let shifted = v * 1.44269504088896341 + 12_582_912
        let n = shifted - 12_582_912
        v = v - n * 0.693359375
        v = v - n * -2.12194440e-4
        var p = Lanes(repeating: 1.9875691500e-4)
        p = p * v + 1.3981999507e-3
        p = p * v + 8.3334519073e-3
        p = p * v + 4.1665795894e-2
        p = p * v + 1.6666665459e-1
        p = p * v + 5.0000001201e-1
        p = p * (v * v) + v + 1
        let k = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000   // n as an integer
        var result = p * unsafeBitCast((k &+ 127) &<< 23, to: Lanes.self)       // p · 2ⁿ
        result.replace(with: 0, where: x .< lo)
        result.replace(with: .infinity, where: x .> hi)
        return result
    }

    /// exp of one scalar through the same kernel, so tails match the vector body bit for bit.
    @inline(__always)
    static func exp(_ x: Float) -> Float { exp(Lanes(repeating: x))[0] }
}
