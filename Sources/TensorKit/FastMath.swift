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
        let underflow = x .< lo
        var v = x.clamped(lowerBound: Lanes(repeating: lo), upperBound: Lanes(repeating: hi))
        let n = (v * 1.44269504088896341).rounded(.toNearestOrEven)
        v = v - n * 0.693359375
        v = v - n * -2.12194440e-4
        var p = Lanes(repeating: 1.9875691500e-4)
        p = p * v + 1.3981999507e-3
        p = p * v + 8.3334519073e-3
        p = p * v + 4.1665795894e-2
        p = p * v + 1.6666665459e-1
        p = p * v + 5.0000001201e-1
        p = p * (v * v) + v + 1
        let bits = (SIMD8<Int32>(n, rounding: .toNearestOrEven) &+ 127) &<< 23
        var result = p * unsafeBitCast(bits, to: Lanes.self)
        result.replace(with: 0, where: underflow)
        result.replace(with: .infinity, where: x .> hi)
        result.replace(with: x, where: x .!= x)  // NaN stays NaN
        return result
    }

    /// exp of one scalar through the same kernel, so tails match the vector body bit for bit.
    @inline(__always)
    static func exp(_ x: Float) -> Float { exp(Lanes(repeating: x))[0] }
}
