/// Scalar ports of the Cephes single-precision `log` and `sincos` used by PyTorch's AVX2 normal
/// kernel (`aten/src/ATen/native/cpu/avx_mathfun.h`: `log256_ps`, `sincos256_ps`, after Pommier's
/// sse_mathfun). Each lane of the 8-wide original is computed independently, so one scalar lane
/// reproduces it bit for bit, provided every multiply–add pair that the x86-64 wheels contract
/// into an FMA is fused here too (`a.addingProduct(b, c)` = `a + b·c` with one rounding).
///
/// FMA placement: Horner steps `y·x + p` are fused, and where a product is added to another product
/// (`y·z + e·q₁` in `log`, `y·z − z·½` in `cos`) the *first* product is fused with the add and the
/// second rounded on its own. The opposite choice in those two spots differs from torch in some
/// values (README); this placement matches every fixture.
///
/// These are *not* correctly rounded: glibc's `logf/sinf/cosf` differ from them in many values of
/// a typical `randn` (README), which is why they are ported rather than replaced by libm.
enum AVXMath {
    /// Fused `a·b + c`, a single rounding (the FMA the compiler emits in torch's kernel).
    @inline(__always)
    static func fm(_ a: Float, _ b: Float, _ c: Float) -> Float { c.addingProduct(a, b) }

    /// Horner coefficients of `P` in `log` after the leading 7.0376836292E-2 (Cephes `log_p1…p8`).
    private static let logCoefficients: [Float] = [
        -1.1514610310E-1, 1.1676998740E-1, -1.2420140846E-1, 1.4249322787E-1,
        -1.6668057665E-1, 2.0000714765E-1, -2.4999993993E-1, 3.3333331174E-1,
    ]

    /// Cephes `logf` (`log256_ps`) for positive finite `x`.
    ///
    /// Writes `x = m · 2ᵉ` with `m ∈ [½, 1)`; if `m < √½` it uses `2m` and `e − 1`, so that
    /// `f = m − 1 ∈ [√½ − 1, √2 − 1)`. Then
    ///   `log x = f − f²/2 + f³·P(f) + e·(q₁ + q₂)`,  `q₂ = 0.693359375`, `q₁ = −2.12194440e−4`,
    /// where `P` is a degree-8 polynomial evaluated by Horner's rule.
    static func log(_ input: Float) -> Float {
        let x0 = max(input, Float.leastNormalMagnitude)
        let bits = x0.bitPattern
        var e = Float(Int32(bitPattern: bits >> 23) - 127) + 1
        var x = Float(bitPattern: (bits & ~UInt32(0x7F80_0000)) | Float(0.5).bitPattern)
        if x < 0.707106781186547524 {
            e -= 1
            x = (x - 1) + x
        } else {
            x = x - 1
        }
        let z = x * x
        var y: Float = 7.0376836292E-2
        for c in logCoefficients { y = fm(y, x, c) }
        y = y * x
        y = fm(y, z, e * -2.12194440e-4)  // y·z fused with the add of e·q₁ (the contraction torch's build makes)
        y = fm(-z, 0.5, y)                 // z·½ is exact, so fused or not gives the same bits
        x = x + y
        x = fm(e, 0.693359375, x)
        return x
    }

    /// Cephes `sinf` and `cosf` together (`sincos256_ps`).
    ///
    /// Reduction: `j = 2·⌈⌊|x|·4/π⌋/2⌉` (even octant index), `y = j`, and
    /// `r = |x| − y·π/4` computed in three fused steps with π/4 split as
    /// `0.78515625 + 2.4187564849853515625e−4 + 3.77489497744594108e−8`.
    /// With `z = r²`: `cos r ≈ 1 − z/2 + z²·C(z)`, `sin r ≈ r + r·z·S(z)`.
    /// Bit 1 of `j` chooses which polynomial gives sine; bit 2 (and the input's sign) flip signs.
    static func sincos(_ input: Float) -> (sin: Float, cos: Float) {
        var x = abs(input)
        let negativeInput = input.sign == .minus
        var j = Int32(x * 1.27323954473516)  // truncation, like _mm256_cvttps_epi32
        j = (j &+ 1) & ~1
        let y = Float(j)
        let swapSinSign = (j & 4) != 0
        let sinFromSinPoly = (j & 2) == 0
        let negateCos = (~(j &- 2) & 4) != 0

        x = fm(y, -0.78515625, x)
        x = fm(y, -2.4187564849853515625e-4, x)
        x = fm(y, -3.77489497744594108e-8, x)
        let z = x * x

        var yc: Float = 2.443315711809948E-5
        yc = fm(yc, z, -1.388731625493765E-3)
        yc = fm(yc, z, 4.166664568298827E-2)
        yc = yc * z
        yc = fm(yc, z, -(z * 0.5))  // the second ·z fused with the subtraction of z·½ (exact)
        yc = yc + 1

        var ys: Float = -1.9515295891E-4
        ys = fm(ys, z, 8.3321608736E-3)
        ys = fm(ys, z, -1.6666654611E-1)
        ys = ys * z
        ys = fm(ys, x, x)

        var s = sinFromSinPoly ? ys : yc
        var c = sinFromSinPoly ? yc : ys
        if negativeInput != swapSinSign { s = -s }
        if negateCos { c = -c }
        return (s, c)
    }
}
