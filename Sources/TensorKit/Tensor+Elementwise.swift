import Foundation

/// Elementwise arithmetic with NumPy/PyTorch broadcasting: shapes are right-aligned and sizes must
/// match or be 1. Every op returns a new contiguous tensor.
extension Tensor {
    /// Applies `f` to every pair of broadcast elements of `a` and `b`.
    @inline(__always)
    static func zip(_ a: Tensor, _ b: Tensor, _ op: String, _ f: (Float, Float) -> Float) -> Tensor {
        guard let shape = Shape.broadcast(a.shape, b.shape) else {
            preconditionFailure("\(op): shapes \(a.shape) and \(b.shape) cannot be broadcast together")
        }
        let x = a.expanded(to: shape), y = b.expanded(to: shape)
        let total = Shape.count(shape)
        let storage = TensorStorage(count: total) { out in
            guard total > 0, let o = out.baseAddress else { return }
            let pa = x.storage.base + x.offset, pb = y.storage.base + y.offset
            if x.isContiguous && y.isContiguous {
                for i in 0..<total { o[i] = f(pa[i], pb[i]) }
                return
            }
            // One operand contiguous, the other a block repeated along leading axes (a bias row).
            if x.isContiguous, let period = y.repeatedBlockLength {
                for start in stride(from: 0, to: total, by: period) {
                    for j in 0..<period { o[start + j] = f(pa[start + j], pb[j]) }
                }
                return
            }
            if y.isContiguous, let period = x.repeatedBlockLength {
                for start in stride(from: 0, to: total, by: period) {
                    for j in 0..<period { o[start + j] = f(pa[j], pb[start + j]) }
                }
                return
            }
            let inner = shape.last ?? 1
            let sa = x.strides.last ?? 0, sb = y.strides.last ?? 0
            var n = 0
            Shape.forEachIndex(Array(shape.dropLast())) { index in
                var oa = 0, ob = 0
                for (axis, i) in index.enumerated() { oa += i * x.strides[axis]; ob += i * y.strides[axis] }
                for j in 0..<inner { o[n + j] = f(pa[oa + j * sa], pb[ob + j * sb]) }
                n += inner
            }
        }
        return Tensor(storage: storage, shape: shape)
    }

    /// For a broadcast view whose trailing axes are contiguous and whose leading axes have stride 0
    /// (e.g. a bias `[C]` expanded to `[B, T, C]`): the length of the repeated block, else nil.
    var repeatedBlockLength: Int? {
        var block = 1, axis = rank - 1
        while axis >= 0 && (strides[axis] == block || shape[axis] == 1) {
            block *= shape[axis]
            axis -= 1
        }
        while axis >= 0 {
            guard strides[axis] == 0 || shape[axis] == 1 else { return nil }
            axis -= 1
        }
        return block > 0 ? block : nil
    }

    /// Applies `f` to every element.
    @inline(__always)
    public func map(_ f: (Float) -> Float) -> Tensor {
        let c = contiguous()
        let storage = TensorStorage(count: count) { out in
            let src = c.storage.base + c.offset
            for i in 0..<out.count { out[i] = f(src[i]) }
        }
        return Tensor(storage: storage, shape: shape)
    }

    public static func + (a: Tensor, b: Tensor) -> Tensor { zip(a, b, "add") { $0 + $1 } }
    public static func - (a: Tensor, b: Tensor) -> Tensor { zip(a, b, "sub") { $0 - $1 } }
    public static func * (a: Tensor, b: Tensor) -> Tensor { zip(a, b, "mul") { $0 * $1 } }
    public static func / (a: Tensor, b: Tensor) -> Tensor { zip(a, b, "div") { $0 / $1 } }

    public static func + (a: Tensor, s: Float) -> Tensor { a.map { $0 + s } }
    public static func - (a: Tensor, s: Float) -> Tensor { a.map { $0 - s } }
    public static func * (a: Tensor, s: Float) -> Tensor { a.map { $0 * s } }
    public static func / (a: Tensor, s: Float) -> Tensor { a.map { $0 / s } }
    public static func + (s: Float, a: Tensor) -> Tensor { a.map { s + $0 } }
    public static func - (s: Float, a: Tensor) -> Tensor { a.map { s - $0 } }
    public static func * (s: Float, a: Tensor) -> Tensor { a.map { s * $0 } }
    public static func / (s: Float, a: Tensor) -> Tensor { a.map { s / $0 } }
    public static prefix func - (a: Tensor) -> Tensor { a.map { -$0 } }

    public static func += (a: inout Tensor, b: Tensor) { a = a + b }
    public static func -= (a: inout Tensor, b: Tensor) { a = a - b }
    public static func *= (a: inout Tensor, b: Tensor) { a = a * b }
    public static func /= (a: inout Tensor, b: Tensor) { a = a / b }

    public func exp() -> Tensor { map { Foundation.exp($0) } }
    public func log() -> Tensor { map { Foundation.log($0) } }
    public func sqrt() -> Tensor { map { $0.squareRoot() } }
    public func tanh() -> Tensor { map { Foundation.tanh($0) } }
    public func erf() -> Tensor { map { Foundation.erf($0) } }
    public func abs() -> Tensor { map { Swift.abs($0) } }
    /// `1 / (1 + e^-x)`.
    public func sigmoid() -> Tensor { map { 1 / (1 + Foundation.exp(-$0)) } }
    public func pow(_ p: Float) -> Tensor { map { Foundation.pow($0, p) } }
    public func clamped(min lo: Float = -.infinity, max hi: Float = .infinity) -> Tensor {
        map { Swift.min(Swift.max($0, lo), hi) }
    }

    /// True where any element is NaN or ±∞.
    public var hasNonFinite: Bool { withUnsafeContiguousBuffer { $0.contains { !$0.isFinite } } }
}

/// Elementwise comparisons with broadcasting, giving a `Mask` (true where the comparison holds).
extension Tensor {
    static func compare(_ a: Tensor, _ b: Tensor, _ op: String, _ f: (Float, Float) -> Bool) -> Mask {
        let r = zip(a, b, op) { f($0, $1) ? 1 : 0 }
        return Mask(shape: r.shape, values: r.scalars.map { $0 != 0 })
    }

    public static func .> (a: Tensor, b: Tensor) -> Mask { compare(a, b, ".>") { $0 > $1 } }
    public static func .< (a: Tensor, b: Tensor) -> Mask { compare(a, b, ".<") { $0 < $1 } }
    public static func .>= (a: Tensor, b: Tensor) -> Mask { compare(a, b, ".>=") { $0 >= $1 } }
    public static func .<= (a: Tensor, b: Tensor) -> Mask { compare(a, b, ".<=") { $0 <= $1 } }
    public static func .== (a: Tensor, b: Tensor) -> Mask { compare(a, b, ".==") { $0 == $1 } }
    public static func .> (a: Tensor, s: Float) -> Mask { a .> Tensor([s]) }
    public static func .< (a: Tensor, s: Float) -> Mask { a .< Tensor([s]) }
    public static func .== (a: Tensor, s: Float) -> Mask { a .== Tensor([s]) }
}
