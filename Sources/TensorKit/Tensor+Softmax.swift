/// Numerically stable softmax.
extension Tensor {
    /// `softmax(x)ᵢ = exp(xᵢ − max x) / Σⱼ exp(xⱼ − max x)` along `axis`.
    ///
    /// Subtracting the row maximum keeps `exp` from overflowing; `−∞` entries (masked scores) give
    /// exactly 0. A row that is entirely `−∞` (every key masked) gives NaN in every position, as
    /// `torch.softmax` does — the course's masks never fully mask a row (every token sees itself).
    public func softmax(axis: Int = -1) -> Tensor {
        let a = Shape.normalize(axis, rank: rank)
        if a != rank - 1 { return transposed(a, -1).softmax(axis: -1).transposed(a, -1).contiguous() }
        let n = shape[a]
        let c = contiguous()
        let rows = n == 0 ? 0 : count / n
        let storage = TensorStorage(count: count) { out in
            guard let dst = out.baseAddress else { return }
            let src = c.storage.base + c.offset
            Parallel.forEachChunk(rows, minimumPerChunk: 65_536 / Swift.max(n, 1)) { range in
                for row in range { Tensor.softmaxRow(src + row * n, dst + row * n, n) }
            }
        }
        return Tensor(storage: storage, shape: shape)
    }

    /// One row: max, then `e = exp(x − max)` and its sum in one pass, then scale by `1/Σ`.
    @inline(__always)
    static func softmaxRow(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
        typealias V = FastMath.Lanes
        let lanes = V.scalarCount, body = n - n % lanes
        var vmax = V(repeating: -.infinity)
        var i = 0
        while i < body {
            vmax = pointwiseMax(vmax, UnsafeRawPointer(x + i).loadUnaligned(as: V.self))
            i += lanes
        }
        var m = vmax.max()
        for j in body..<n { m = Swift.max(m, x[j]) }
        if m == -.infinity || m.isNaN {
            y.update(repeating: .nan, count: n)
            return
        }
        var vsum = V(repeating: 0)
        i = 0
        while i < body {
            let e = FastMath.exp(UnsafeRawPointer(x + i).loadUnaligned(as: V.self) - V(repeating: m))
            UnsafeMutableRawPointer(y + i).storeBytes(of: e, as: V.self)
            vsum += e
            i += lanes
        }
        var sum = vsum.sum()
        for j in body..<n { y[j] = FastMath.exp(x[j] - m); sum += y[j] }
        let scale = 1 / sum
        i = 0
        while i < body {
            let v = UnsafeRawPointer(y + i).loadUnaligned(as: V.self) * scale
            UnsafeMutableRawPointer(y + i).storeBytes(of: v, as: V.self)
            i += lanes
        }
        for j in body..<n { y[j] *= scale }
    }
}
