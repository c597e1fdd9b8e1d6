/// Reductions over one axis (`keepDim` keeps it with size 1) or over all elements.
extension Tensor {
    /// Views the contiguous data as `[outer, n, inner]` around `axis` and reduces the middle axis.
    func reduce(_ axis: Int, keepDim: Bool, _ op: String, initial: Float,
                _ combine: (Float, Float) -> Float, finish: (Float, Int) -> Float = { v, _ in v }) -> Tensor {
        let a = Shape.normalize(axis, rank: rank)
        let n = shape[a], outer = shape[..<a].reduce(1, *), inner = shape[(a + 1)...].reduce(1, *)
        let c = contiguous()
        let src = c.storage.base + c.offset
        let storage = TensorStorage(count: outer * inner) { out in
            for o in 0..<outer {
                for i in 0..<inner {
                    var acc = initial
                    var p = src + o * n * inner + i
                    for _ in 0..<n { acc = combine(acc, p.pointee); p += inner }
                    out[o * inner + i] = finish(acc, n)
                }
            }
        }
        var outShape = shape
        if keepDim { outShape[a] = 1 } else { outShape.remove(at: a) }
        return Tensor(storage: storage, shape: outShape)
    }

    /// Σ over `axis`.
    public func sum(axis: Int, keepDim: Bool = false) -> Tensor {
        reduce(axis, keepDim: keepDim, "sum", initial: 0, +)
    }

    /// Arithmetic mean over `axis`.
    public func mean(axis: Int, keepDim: Bool = false) -> Tensor {
        reduce(axis, keepDim: keepDim, "mean", initial: 0, +) { s, n in s / Float(n) }
    }

    /// Largest element over `axis` (NaN if any element is NaN, as in PyTorch).
    public func max(axis: Int, keepDim: Bool = false) -> Tensor {
        reduce(axis, keepDim: keepDim, "max", initial: -.infinity) { a, b in
            a.isNaN || b.isNaN ? .nan : Swift.max(a, b)
        }
    }

    /// Smallest element over `axis`.
    public func min(axis: Int, keepDim: Bool = false) -> Tensor {
        reduce(axis, keepDim: keepDim, "min", initial: .infinity) { a, b in
            a.isNaN || b.isNaN ? .nan : Swift.min(a, b)
        }
    }

    /// Σ of all elements, accumulated in Double.
    public func sum() -> Float { Float(withUnsafeContiguousBuffer { $0.reduce(0.0) { $0 + Double($1) } }) }
    public func mean() -> Float { sum() / Float(Swift.max(count, 1)) }
    public func max() -> Float { withUnsafeContiguousBuffer { $0.max() ?? -.infinity } }
    public func min() -> Float { withUnsafeContiguousBuffer { $0.min() ?? .infinity } }

    /// Index of the largest element along the last axis of each row.
    public func argmax(axis: Int = -1) -> [Int] {
        let moved = transposed(axis, -1).contiguous()
        let n = moved.shape.last ?? 1
        return moved.withUnsafeContiguousBuffer { buf in
            stride(from: 0, to: buf.count, by: n).map { start in
                (0..<n).max { buf[start + $0] < buf[start + $1] } ?? 0
            }
        }
    }
}
