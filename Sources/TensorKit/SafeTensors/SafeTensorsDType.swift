/// The element types of the safetensors format (huggingface/safetensors `Dtype`), with their sizes
/// and conversion of little-endian raw bytes to `Float`.
public enum SafeTensorsDType: String, CaseIterable, Sendable {
    case bool = "BOOL", u8 = "U8", i8 = "I8", f8e5m2 = "F8_E5M2", f8e4m3 = "F8_E4M3"
    case i16 = "I16", u16 = "U16", f16 = "F16", bf16 = "BF16"
    case i32 = "I32", u32 = "U32", f32 = "F32"
    case f64 = "F64", i64 = "I64", u64 = "U64"

    /// Bytes per element.
    public var size: Int {
        switch self {
        case .bool, .u8, .i8, .f8e5m2, .f8e4m3: return 1
        case .i16, .u16, .f16, .bf16: return 2
        case .i32, .u32, .f32: return 4
        case .f64, .i64, .u64: return 8
        }
    }

    /// Converts `count` elements at `raw` (little-endian, any alignment) to `Float`, rounding to
    /// nearest where `Float` cannot hold the value (64-bit floats and large integers).
    func convert(_ raw: UnsafeRawPointer, count: Int, into out: UnsafeMutablePointer<Float>) {
        func each<T: FixedWidthInteger>(_: T.Type, _ f: (T) -> Float) {
            for i in 0..<count {
                out[i] = f(T(littleEndian: raw.loadUnaligned(fromByteOffset: i * size, as: T.self)))
            }
        }
        switch self {
        case .bool: each(UInt8.self) { $0 != 0 ? 1 : 0 }
        case .u8: each(UInt8.self) { Float($0) }
        case .i8: each(Int8.self) { Float($0) }
        case .f8e5m2: each(UInt8.self) { HalfPrecision.floatFromF16(UInt16($0) << 8) }
        case .f8e4m3: each(UInt8.self) { HalfPrecision.floatFromF8E4M3($0) }
        case .i16: each(Int16.self) { Float($0) }
        case .u16: each(UInt16.self) { Float($0) }
        case .f16: each(UInt16.self) { HalfPrecision.floatFromF16($0) }
        case .bf16: each(UInt16.self) { HalfPrecision.floatFromBF16($0) }
        case .i32: each(Int32.self) { Float($0) }
        case .u32: each(UInt32.self) { Float($0) }
        case .f32: each(UInt32.self) { Float(bitPattern: $0) }
        case .f64: each(UInt64.self) { Float(Double(bitPattern: $0)) }
        case .i64: each(Int64.self) { Float($0) }
        case .u64: each(UInt64.self) { Float($0) }
        }
    }
}

/// Bit-level conversions between `Float` and the 16- and 8-bit float formats, written out so they
/// behave the same on every platform (Swift's `Float16` is unavailable on macOS x86-64).
enum HalfPrecision {
    /// IEEE binary16 (1 sign, 5 exponent bits with bias 15, 10 fraction bits) to `Float`, exactly.
    /// Subnormals are `fraction · 2⁻²⁴`; exponent 31 is ±∞ or NaN.
    static func floatFromF16(_ h: UInt16) -> Float {
        let sign: Float = (h & 0x8000) != 0 ? -1 : 1
        let exponent = Int((h >> 10) & 0x1F)
        let fraction = Float(h & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction * 0x1p-10) * Float(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }

    /// bfloat16 is the top half of a binary32: `Float(bitPattern: b << 16)`, exactly.
    static func floatFromBF16(_ b: UInt16) -> Float { Float(bitPattern: UInt32(b) << 16) }

    /// FP8 E4M3 ("fn" variant: bias 7, no infinities, `S.1111.111` is NaN) to `Float`, exactly.
    static func floatFromF8E4M3(_ b: UInt8) -> Float {
        let sign: Float = (b & 0x80) != 0 ? -1 : 1
        let exponent = Int((b >> 3) & 0xF)
        let fraction = Float(b & 0x7)
        if exponent == 15 && b & 0x7 == 0x7 { return .nan }
        if exponent == 0 { return sign * fraction * 0x1p-9 }
        return sign * (1 + fraction / 8) * Float(sign: .plus, exponent: exponent - 7, significand: 1)
    }

    /// `Float` to bfloat16, rounding to nearest even (NaN stays a quiet NaN), as `tensor.bfloat16()`.
    static func bf16FromFloat(_ x: Float) -> UInt16 {
        if x.isNaN { return 0x7FC0 | UInt16((x.bitPattern >> 16) & 0x8000) }
        let bits = x.bitPattern
        let rounding = 0x7FFF + ((bits >> 16) & 1)
        return UInt16(truncatingIfNeeded: (bits &+ rounding) >> 16)
    }

    /// `Float` to IEEE binary16, rounding to nearest even; overflow gives ±∞, tiny values subnormals.
    static func f16FromFloat(_ x: Float) -> UInt16 {
        let bits = x.bitPattern
        let sign = UInt16((bits >> 16) & 0x8000)
        if x.isNaN { return sign | 0x7E00 }
        let magnitude = abs(x)
        if magnitude >= 65520 { return sign | 0x7C00 }  // rounds past the largest half, 65504
        if magnitude < 0x1p-14 {
            // Subnormal (or zero): the value in units of 2⁻²⁴, rounded to nearest even by `rounded`.
            let units = (magnitude * 0x1p24).rounded(.toNearestOrEven)
            return sign | UInt16(units)
        }
        let exponent = Int(magnitude.exponent)             // −14…15
        let fraction = magnitude.significandBitPattern     // 23 bits
        var half = UInt32(exponent + 15) << 10 | (fraction >> 13)
        let rest = fraction & 0x1FFF
        if rest > 0x1000 || (rest == 0x1000 && half & 1 == 1) { half += 1 }  // may carry into the exponent
        return sign | UInt16(half)
    }
}
