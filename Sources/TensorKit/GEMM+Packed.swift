extension GEMM {
    /// Most input rows (tokens) one kernel call takes, so that a packed depth block of them stays
    /// in L2 beside the weight block (256 × 448 floats = 448 KB).
    static let rowBlockLimit = 256

    /// `Y = α·X·Wᵀ + β·Y` for a packed `W` `[N, K]`: `X` `[m, K]` (rows `ldx` apart) → `Y` `[m, N]`
    /// (rows `ldy` apart), β 0 or 1. `prepare(rows, columns)` runs on each block of Y before its
    /// product and `tail(rows, columns)` after it, on the thread that computes it, as in `multiply`.
    ///
    /// Two phases: the threads first pack X together (OpenBLAS's column packing, one piece per row
    /// block and depth block), then they take W's column blocks in turn and compute those columns
    /// of Y from W's pieces and the shared packed X. With `parallel: false`, or a small product, all
    /// runs on the caller.
    public static func multiply(
        rows m: Int, _ x: UnsafePointer<Float>, ldx: Int, _ w: PackedMatrix, alpha: Float = 1, beta: Float = 0,
        into y: UnsafeMutablePointer<Float>, ldy: Int, parallel: Bool = true,
        prepare: ((_ rows: Range<Int>, _ columns: Range<Int>) -> Void)? = nil,
        tail: ((_ rows: Range<Int>, _ columns: Range<Int>) -> Void)? = nil
    ) {
        precondition(beta == 0 || beta == 1, "GEMM.multiply(packed): β must be 0 or 1, not \(beta)")
        guard m > 0, w.outputs > 0 else { return }
        guard let micro = BLASMicroKernels.current, w.packed != nil else {
            return multiplyPlain(rows: m, x, ldx: ldx, w, alpha: alpha, beta: beta, into: y, ldy: ldy,
                                 parallel: parallel, prepare: prepare, tail: tail)
        }
        let (n, k) = (w.outputs, w.inputs)
        let rowBlocks = balancedBlocks(m, limit: rowBlockLimit), depth = w.depthBlocks
        let pieces = rowBlocks.flatMap { r in depth.map { (r, $0) } }
        let layout = alignedOffsets(pieces.map { $0.0.count * $0.1.count })
        // malloc's own 16-byte alignment, which the kernels accept: with a 64-byte aligned
        // allocation glibc kept handing back fresh pages, ~2,150 page faults per CLIP forward.
        let packedX = UnsafeMutablePointer<Float>.allocate(capacity: layout.total)
        defer { packedX.deallocate() }
        let threads = parallel && m * n * k >= parallelWork ? Parallel.threadCount : 1

        Parallel.forEachChunk(pieces.count, minimumPerChunk: threads > 1 ? 1 : pieces.count) { range in
            for i in range {
                let (r, d) = pieces[i]
                _ = micro.packColumns(d.count, r.count, x + r.lowerBound * ldx + d.lowerBound, ldx, packedX + layout.offsets[i])
            }
        }
        /// Column block `c` of Y, every row: each block writes only its own columns of Y.
        func computeBlock(_ c: Int) {
            let columns = w.columnBlocks[c]
            for (ri, r) in rowBlocks.enumerated() {
                if beta == 0 {
                    for row in r { (y + row * ldy + columns.lowerBound).update(repeating: 0, count: columns.count) }
                }
                prepare?(r, columns)
                for d in depth.indices {
                    _ = micro.kernel(columns.count, r.count, depth[d].count, alpha, w.piece(c, d),
                                     packedX + layout.offsets[ri * depth.count + d],
                                     y + r.lowerBound * ldy + columns.lowerBound, ldy)
                }
                tail?(r, columns)
            }
        }
        // libdispatch hands the blocks out one at a time, so a thread whose core is busier takes fewer.
        let blocks = w.columnBlocks.count
        if threads == 1 { (0..<blocks).forEach(computeBlock) } else { Parallel.perform(blocks, computeBlock) }
    }

    /// The same product through `cblas_sgemm`, for builds of OpenBLAS without exported micro-kernels.
    private static func multiplyPlain(
        rows m: Int, _ x: UnsafePointer<Float>, ldx: Int, _ w: PackedMatrix, alpha: Float, beta: Float,
        into y: UnsafeMutablePointer<Float>, ldy: Int, parallel: Bool,
        prepare: ((Range<Int>, Range<Int>) -> Void)?, tail: ((Range<Int>, Range<Int>) -> Void)?
    ) {
        let weight = w.plain!.transposed()                                   // Wᵀ: [K, N]
        let stored = layout(rows: w.inputs, cols: w.outputs, rowStride: weight.strides[0], colStride: weight.strides[1])
        let operand = stored == nil ? weight.contiguous() : weight
        let (ld, transposed) = stored ?? (w.outputs, false)
        multiply(m: m, n: w.outputs, k: w.inputs, alpha: alpha, Operand(x, ld: ldx),
                 Operand(operand.storage.base + operand.offset, ld: ld, transposed: transposed),
                 beta: beta, into: y, ldc: ldy, parallel: parallel, prepare: prepare, tail: tail)
        withExtendedLifetime(operand) {}
    }
}
