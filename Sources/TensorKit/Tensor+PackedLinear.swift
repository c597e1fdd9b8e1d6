extension Tensor {
    /// `tail(x·Wᵀ + b)` for this `x` `[…, K]`, a packed `W` `[N, K]` and `b` `[N]` (or nil) → `[…, N]`:
    /// a linear layer with its bias, activation or residual fused into the product (`LinearTail`).
    ///
    /// Each thread computes a block of the output through `GEMM.multiply(rows:…)` on the packed
    /// weight; with a bias the block starts as copies of it (β = 1) instead of a zero fill, and
    /// the thread applies the tail to the block while it is still in cache. The output has
    /// `GEMM.spareFloats` of scratch past its end, so the last, partial group of rows is computed
    /// whole.
    public func linear(_ weight: GEMM.PackedMatrix, bias: Tensor?, _ tail: LinearTail = .bias) -> Tensor {
        let K = dim(-1), n = weight.outputs
        precondition(weight.inputs == K, "linear: input \(shape) does not match weight [\(n), \(weight.inputs)]")
        precondition(bias.map { $0.shape == [n] } ?? true, "linear: bias \(bias?.shape ?? []) must be [\(n)]")
        let input = contiguous(), rows = input.count / Swift.max(K, 1)
        // Every element is written by the GEMM; the spare floats let it compute whole groups of rows.
        let output = TensorStorage(count: rows * n, spare: GEMM.spareFloats(rows: rows, ldy: n)) { _ in }
        let finish = RowTail(tail, rows: rows, width: n)
        let b = bias?.contiguous()
        let biasBase = b.map { UnsafePointer($0.storage.base + $0.offset) }
        GEMM.multiply(rows: rows, input.storage.base + input.offset, ldx: K, weight, beta: biasBase == nil ? 0 : 1,
                      into: output.base, ldy: n, spareRowsInY: true,
                      prepare: biasBase.map { b in { rowRange, columns in
                          for row in rowRange {
                              (output.base + row * n + columns.lowerBound).update(from: b + columns.lowerBound, count: columns.count)
                          }
                      } }) { rowRange, columns in
            for row in rowRange { finish(output.base, row: row, column: columns.lowerBound, count: columns.count) }
        }
        withExtendedLifetime((input, b, finish)) {}
        return Tensor(storage: output, shape: Array(shape.dropLast()) + [n])
    }
}
