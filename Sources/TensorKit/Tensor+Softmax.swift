import TensorKernels

/// Numerically stable softmax.
extension Tensor {
    /// `softmax(x)ᵢ = exp(xᵢ − max x) / Σⱼ exp(xⱼ − max x)` along `axis`.
    ///
    /// Subtracting the row maximum keeps `exp` from overflowing; `−∞` entries (masked scores) give
    /// exactly 0. A row that is entirely `−∞` (every key masked) gives NaN in every position, as
    /// `torch.softmax` does — the course's masks never fully mask a row (every token sees itself).
    /// Each row is one call of the vectorised kernel `tk_softmax_row` (TensorKernels).
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
                for row in range { tk_softmax_row(src + row * n, dst + row * n, n) }
            }
        }
        return Tensor(storage: storage, shape: shape)
    }
}
