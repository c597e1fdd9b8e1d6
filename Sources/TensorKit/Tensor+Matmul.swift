/// Matrix products through OpenBLAS `cblas_sgemm` (see `GEMM`).
extension Tensor {
    /// How a 2-D view maps onto BLAS: row-major with leading dimension `ld`, transposed or not.
    private struct BLASOperand {
        let transpose: Bool
        let ld: Int32
    }

    /// BLAS can read a matrix view directly when one of its two strides is 1.
    private static func blasOperand(rows: Int, cols: Int, rowStride: Int, colStride: Int) -> BLASOperand? {
        if colStride == 1 && rowStride >= Swift.max(cols, 1) { return BLASOperand(transpose: false, ld: Int32(rowStride)) }
        if rowStride == 1 && colStride >= Swift.max(rows, 1) { return BLASOperand(transpose: true, ld: Int32(colStride)) }
        return nil
    }

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
        var opA = Tensor.blasOperand(rows: M, cols: K, rowStride: a.strides[r], colStride: a.strides[r + 1])
        if opA == nil { a = a.contiguous(); opA = BLASOperand(transpose: false, ld: Int32(Swift.max(K, 1))) }
        var opB = Tensor.blasOperand(rows: K, cols: N, rowStride: b.strides[r], colStride: b.strides[r + 1])
        if opB == nil { b = b.contiguous(); opB = BLASOperand(transpose: false, ld: Int32(Swift.max(N, 1))) }
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
                              GEMM.Operand(baseA + offsets[slice].a, ld: Int(opA.ld), transposed: opA.transpose),
                              GEMM.Operand(baseB + offsets[slice].b, ld: Int(opB.ld), transposed: opB.transpose),
                              into: baseC + slice * M * N, ldc: N, parallel: offsets.count == 1)
            }
        }
        withExtendedLifetime((a, b)) {}
        return out
    }

    /// `self · other + bias` for a 2-D `other` `[K, N]` and `bias` `[N]` (Linear's case), in one
    /// GEMM: the output starts as copies of `bias` and `cblas_sgemm` accumulates into it (beta = 1),
    /// saving a separate broadcast pass. Other shapes fall back to `matmul(other) + bias`.
    public func matmul(_ other: Tensor, plusRow bias: Tensor) -> Tensor {
        let K = dim(-1), N = other.dim(-1)
        precondition(bias.shape == [N], "matmul(plusRow:): bias \(bias.shape) must be [\(N)] for \(other.shape)")
        guard rank >= 2, other.rank == 2, other.dim(0) == K, isContiguous, count > 0, N > 0,
              let opB = Tensor.blasOperand(rows: K, cols: N, rowStride: other.strides[0], colStride: other.strides[1])
        else { return matmul(other) + bias }
        let rows = count / K
        let b = bias.contiguous()
        let output = TensorStorage(count: rows * N) { out in
            guard let dst = out.baseAddress else { return }
            for r in 0..<rows { (dst + r * N).update(from: b.storage.base + b.offset, count: N) }
        }
        GEMM.multiply(m: rows, n: N, k: K, GEMM.Operand(storage.base + offset, ld: K),
                      GEMM.Operand(other.storage.base + other.offset, ld: Int(opB.ld), transposed: opB.transpose),
                      beta: 1, into: output.base, ldc: N)
        return Tensor(storage: output, shape: Array(shape.dropLast()) + [N])
    }
}
