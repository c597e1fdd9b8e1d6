/// The 32-bit Mersenne Twister MT19937, bit-identical to PyTorch's `at::mt19937_engine`
/// (`aten/src/ATen/core/MT19937RNGEngine.h`) and to C++ `std::mt19937(seed)`.
///
/// Seeding (`init_with_uint32`) uses only the low 32 bits of the seed:
///   `s[0] = seed mod 2³²`,  `s[j] = 1812433253 · (s[j−1] ⊕ (s[j−1] ≫ 30)) + j  (mod 2³²)`.
/// Every 624 draws the whole state is regenerated ("twist"), and each output word is tempered:
///   `y ⊕= y≫11; y ⊕= (y≪7) & 0x9D2C5680; y ⊕= (y≪15) & 0xEFC60000; y ⊕= y≫18`.
/// This is *not* NumPy's `RandomState(seed)`, which seeds through `init_by_array`.
struct MersenneTwister {
    static let stateSize = 624
    private static let shift = 397
    private static let matrixA: UInt32 = 0x9908_B0DF
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7FFF_FFFF

    private var state: [UInt32]
    private var left: Int
    private var next: Int

    /// Seeds like `mt19937_engine(seed)`: the high 32 bits of `seed` are ignored, as in torch.
    init(seed: UInt64) {
        var s = [UInt32](repeating: 0, count: Self.stateSize)
        s[0] = UInt32(truncatingIfNeeded: seed)
        for j in 1..<Self.stateSize {
            s[j] = 1_812_433_253 &* (s[j - 1] ^ (s[j - 1] >> 30)) &+ UInt32(j)
        }
        state = s
        left = 1  // the first draw twists
        next = 0
    }

    /// Regenerates all 624 words in place (`next_state`).
    private mutating func twist() {
        let n = Self.stateSize
        state.withUnsafeMutableBufferPointer { s in
            for k in 0..<n {
                let y = (s[k] & Self.upperMask) | (s[(k + 1) % n] & Self.lowerMask)
                let mag = (s[(k + 1) % n] & 1) != 0 ? Self.matrixA : 0
                s[k] = s[(k + Self.shift) % n] ^ (y >> 1) ^ mag
            }
        }
        left = n
        next = 0
    }

    /// The next tempered 32-bit output (`operator()`).
    mutating func nextUInt32() -> UInt32 {
        left -= 1
        if left == 0 { twist() }
        var y = state[next]
        next += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// Two draws, high word first: `(r₁ ≪ 32) | r₂` (`CPUGeneratorImpl::random64`).
    mutating func nextUInt64() -> UInt64 {
        let hi = UInt64(nextUInt32())
        let lo = UInt64(nextUInt32())
        return (hi << 32) | lo
    }

    /// A float in `[0, 1 − 2⁻²⁴]`: the low 24 bits of one draw times 2⁻²⁴, exactly
    /// (`uniform_real<float>` in `TransformationHelper.h`, with `digits = 24`).
    mutating func nextUnitFloat() -> Float {
        Float(nextUInt32() & 0xFF_FFFF) * 0x1p-24
    }

    /// A double in `[0, 1 − 2⁻⁵³]`: the low 53 bits of `nextUInt64()` times 2⁻⁵³
    /// (`uniform_real<double>`, `digits = 53`).
    mutating func nextUnitDouble() -> Double {
        Double(nextUInt64() & ((1 << 53) - 1)) * 0x1p-53
    }
}
