/// Matrix products through OpenBLAS `cblas_sgemm` (see `GEMM`).
extension Tensor {
    /// Matrix product with broadcast batch dimensions, like `torch.matmul` / `@`:
    /// `[…, M, K] · […, K, N] → […, M, N]`; a 1-D operand is treated as a row (left) or column (right)
    /// vector and that axis is dropped from the result. Transposed views are passed to BLAS without copying.
    public func matmul(_ other: Tensor) -> Tensor {
        if rank == 1 { return unsqueezed(0).matmul(other).squeezed(-2) }
        if other.rank == 1 { return matmul(other.unsqueezed(1)).squeezed(-1) }
        let (M, K, K2, N) = (dim(-2), dim(-1), other.dim(-2), other.dim(-1))
        precondition(K == K2, "matmul: shapes \(shape) and \(other.shape) are incompatible (\(K) ≠ \(K2))")
        guard let batch = Shape.broadcast(Array(shape.dropLast(2)), Array(other.shape.dropLast(2))) else {
            preconditionFailure("matmul: batch dimensions of \(shape) and \(other.shape) cannot be broadcast")
        }
        // A 2-D right operand with a contiguous left one: one big GEMM over all rows (Linear's case).
        if other.rank == 2 && isContiguous && rank > 2 {
            return reshaped(-1, K).matmul(other).reshaped(batch + [M, N])
        }
        var a = expanded(to: batch + [M, K]), b = other.expanded(to: batch + [K, N])
        let r = batch.count
        // BLAS reads a view directly when one of its two strides is 1; anything else is copied.
        var opA = GEMM.layout(rows: M, cols: K, rowStride: a.strides[r], colStride: a.strides[r + 1])
        if opA == nil { a = a.contiguous(); opA = (Swift.max(K, 1), false) }
        var opB = GEMM.layout(rows: K, cols: N, rowStride: b.strides[r], colStride: b.strides[r + 1])
        if opB == nil { b = b.contiguous(); opB = (Swift.max(N, 1), false) }
        guard M > 0 && N > 0 && K > 0, let opA, let opB else { return Tensor.zeros(batch + [M, N]) }
        // sgemm with beta = 0 writes every output element, so the buffer needs no zero fill.
        let out = Tensor(storage: TensorStorage(count: Shape.count(batch) * M * N) { _ in }, shape: batch + [M, N])
        let batchStridesA = Array(a.strides.prefix(r)), batchStridesB = Array(b.strides.prefix(r))
        var offsets: [(a: Int, b: Int)] = []
        Shape.forEachIndex(batch) { index in
            var offA = a.offset, offB = b.offset
            for (axis, i) in index.enumerated() { offA += i * batchStridesA[axis]; offB += i * batchStridesB[axis] }
            offsets.append((offA, offB))
        }
        // One product splits itself across threads; several share the threads out between them.
        nonisolated(unsafe) let (baseA, baseB, baseC) = (UnsafePointer(a.storage.base), UnsafePointer(b.storage.base), out.storage.base)
        let parallelSlices = offsets.count > 1 && offsets.count * M * N * K >= GEMM.parallelWork
        Parallel.forEachChunk(offsets.count, minimumPerChunk: parallelSlices ? 1 : offsets.count) { slices in
            for slice in slices {
                GEMM.multiply(m: M, n: N, k: K,
                              GEMM.Operand(baseA + offsets[slice].a, ld: opA.ld, transposed: opA.transposed),
                              GEMM.Operand(baseB + offsets[slice].b, ld: opB.ld, transposed: opB.transposed),
                              into: baseC + slice * M * N, ldc: N, parallel: offsets.count == 1)
            }
        }
        withExtendedLifetime((a, b)) {}
        return out
    }

    /// `self · other + bias` for a 2-D `other` `[K, N]` and `bias` `[N]` (Linear's case), in one
    /// GEMM: each block of the output starts as copies of `bias` (filled by the thread about to
    /// compute it) and `cblas_sgemm` accumulates into it (beta = 1), saving a separate broadcast
    /// pass. Other shapes fall back to `matmul(other) + bias`.
    public func matmul(_ other: Tensor, plusRow bias: Tensor) -> Tensor {
        let K = dim(-1), N = other.dim(-1)
        precondition(bias.shape == [N], "matmul(plusRow:): bias \(bias.shape) must be [\(N)] for \(other.shape)")
        guard rank >= 2, other.rank == 2, other.dim(0) == K, isContiguous, count > 0, N > 0,
              let opB = GEMM.layout(rows: K, cols: N, rowStride: other.strides[0], colStride: other.strides[1])
        else { return matmul(other) + bias }
        let rows = count / K
        let b = bias.contiguous()
        let output = TensorStorage(count: rows * N) { _ in }   // every block filled by `prepare`
        let biasBase = UnsafePointer(b.storage.base + b.offset)
        GEMM.multiply(m: rows, n: N, k: K, GEMM.Operand(storage.base + offset, ld: K),
                      GEMM.Operand(other.storage.base + other.offset, ld: opB.ld, transposed: opB.transposed),
                      beta: 1, into: output.base, ldc: N, prepare: { rowRange, columns in
            for r in rowRange {
                (output.base + r * N + columns.lowerBound).update(from: biasBase + columns.lowerBound, count: columns.count)
            }
        })
        withExtendedLifetime(b) {}
        return Tensor(storage: output, shape: Array(shape.dropLast()) + [N])
    }
}
