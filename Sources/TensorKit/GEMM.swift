import COpenBLAS

/// Row-major single-precision matrix product through OpenBLAS, parallelised by TensorKit itself:
///
///     C[M, N] = α · op(A)[M, K] · op(B)[K, N] + β · C        op(X) = X or Xᵀ
///
/// OpenBLAS runs each call on one thread (see `BLASKernels`); `multiply` splits C into column
/// blocks (or row blocks when N is narrow) and computes them on `Parallel.threadCount` threads,
/// each block one single-threaded `cblas_sgemm`. A `prepare` closure runs on each block just
/// before its product (to fill C for β = 1, e.g. with a bias) and a `tail` closure on each finished
/// block, on the thread that computed it while it is still in cache: that is where fused layers
/// apply their activation or residual. Keeping every thread TensorKit's own avoids OpenBLAS's
/// pool spinning on the cores that the elementwise kernels between the products want.
public enum GEMM {
    /// A matrix operand: its first element, its leading dimension (row stride of the stored
    /// row-major matrix), and whether the product reads it transposed.
    struct Operand {
        let base: UnsafePointer<Float>
        let ld: Int
        let transposed: Bool

        init(_ base: UnsafePointer<Float>, ld: Int, transposed: Bool = false) {
            self.base = base
            self.ld = ld
            self.transposed = transposed
        }

        /// The operand starting at row `row`, column `column` of op(X).
        func offset(row: Int, column: Int) -> UnsafePointer<Float> {
            transposed ? base + column * ld + row : base + row * ld + column
        }
    }

    /// Below this many multiply-adds a product stays on the calling thread.
    static let parallelWork = 1 << 20

    /// `C = α·op(A)·op(B) + β·C` into `c` (leading dimension `ldc`), with `prepare(rows, columns)`
    /// before and `tail(rows, columns)` after each block of C. With `parallel: false` everything
    /// runs on the caller.
    static func multiply(
        m: Int, n: Int, k: Int, alpha: Float = 1, _ a: Operand, _ b: Operand, beta: Float = 0,
        into c: UnsafeMutablePointer<Float>, ldc: Int, parallel: Bool = true,
        prepare: ((_ rows: Range<Int>, _ columns: Range<Int>) -> Void)? = nil,
        tail: ((_ rows: Range<Int>, _ columns: Range<Int>) -> Void)? = nil
    ) {
        guard m > 0 && n > 0 else { return }
        _ = BLASKernels.selected
        let blocks = parallel ? Swift.min(Parallel.threadCount, Swift.max(1, m * n * k / parallelWork)) : 1
        // Column blocks of whole 16-float vectors when C is wide enough, otherwise row blocks.
        let splitColumns = n >= 64 * blocks
        let extent = splitColumns ? n : m, unit = splitColumns ? 16 : 1
        let step = ((extent + blocks - 1) / blocks + unit - 1) / unit * unit
        let count = (extent + step - 1) / step
        func compute(_ block: Int) {
            let lower = block * step, upper = Swift.min(extent, lower + step)
            let (rows, columns) = splitColumns ? (0..<m, lower..<upper) : (lower..<upper, 0..<n)
            prepare?(rows, columns)
            cblas_sgemm(CblasRowMajor, a.transposed ? CblasTrans : CblasNoTrans, b.transposed ? CblasTrans : CblasNoTrans,
                        Int32(rows.count), Int32(columns.count), Int32(k), alpha,
                        a.offset(row: rows.lowerBound, column: 0), Int32(a.ld),
                        b.offset(row: 0, column: columns.lowerBound), Int32(b.ld), beta,
                        c + rows.lowerBound * ldc + columns.lowerBound, Int32(ldc))
            tail?(rows, columns)
        }
        Parallel.perform(count, compute)            // the blocks write disjoint parts of C
    }
}

extension GEMM {
    /// How a 2-D view `[rows, cols]` with these strides reads as a BLAS operand: row-major with
    /// leading dimension `ld`, transposed or not. Nil when neither stride is 1 (copy it first).
    public static func layout(rows: Int, cols: Int, rowStride: Int, colStride: Int) -> (ld: Int, transposed: Bool)? {
        if colStride == 1 && rowStride >= Swift.max(cols, 1) { return (rowStride, false) }
        if rowStride == 1 && colStride >= Swift.max(rows, 1) { return (colStride, true) }
        return nil
    }
}
