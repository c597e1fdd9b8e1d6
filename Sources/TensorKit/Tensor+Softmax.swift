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
    /// The last partial vector is padded with −∞, whose exp is exactly 0. `x` may equal `y` (in
    /// place); public for kernels that fuse attention outside TensorKit.
    @inline(__always)
    public static func softmaxRow(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
        typealias V = FastMath.Lanes
        let lanes = V.scalarCount, body = n - n % lanes, tail = n - body
        func load(_ p: UnsafePointer<Float>) -> V { UnsafeRawPointer(p).loadUnaligned(as: V.self) }
        func store(_ v: V, _ p: UnsafeMutablePointer<Float>) { UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self) }
        var padded = V(repeating: -.infinity)
        for j in 0..<tail { padded[j] = x[body + j] }

        var vmax = padded
        for i in stride(from: 0, to: body, by: lanes) {
            let v = load(x + i)
            vmax.replace(with: v, where: v .> vmax)
        }
        let m = vmax.max()
        if m == -.infinity || m.isNaN {
            y.update(repeating: .nan, count: n)
            return
        }
        let vm = V(repeating: m)
        var vsum = V(repeating: 0)
        for i in stride(from: 0, to: body, by: lanes) {
            let e = FastMath.exp(load(x + i) - vm)
            store(e, y + i)
            vsum += e
        }
        let eTail = FastMath.exp(padded - vm)
        vsum += eTail
        let scale = 1 / vsum.sum()
        for i in stride(from: 0, to: body, by: lanes) { store(load(y + i) * scale, y + i) }
        for j in 0..<tail { y[body + j] = eTail[j] * scale }
    }
}
