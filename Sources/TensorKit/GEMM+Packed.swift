extension GEMM {
    /// Most input rows (tokens) one kernel call takes, so that a packed depth block of them stays
    /// in L2 beside the weight block (256 × 448 floats = 448 KB).
    static let rowBlockLimit = 256

    /// OpenBLAS packs X's rows (tokens) in groups of this many, where `packsInColumnGroups` holds.
    static var rowGroup: Int { BLASMicroKernels.columnGroup }

    /// Floats past Y's last row that `multiply(… spareRowsInY: true)` may use as scratch: room for
    /// m rounded up to whole `rowGroup`s of rows (`ldy` apart). SkylakeX's kernel takes longer for
    /// a last, partial group of rows than for a whole one (197 rows take longer than 200; the
    /// README has the measurement); with the room, it computes the whole group.
    static func spareFloats(rows m: Int, ldy: Int) -> Int { (roundedUpToGroups(m) - m) * ldy }

    static func roundedUpToGroups(_ rows: Int) -> Int { (rows + rowGroup - 1) / rowGroup * rowGroup }

    /// `Y = α·X·Wᵀ + β·Y` for a packed `W` `[N, K]`: `X` `[m, K]` (rows `ldx` apart) → `Y` `[m, N]`
    /// (rows `ldy` apart), β 0 or 1. `prepare(rows, columns)` runs on each block of Y before its
    /// product and `tail(rows, columns)` after it, on the thread that computes it, as in `multiply`.
    ///
    /// Two phases: the threads first pack X together (OpenBLAS's column packing, one piece per row
    /// block and depth block), then they take W's column blocks in turn and compute those columns
    /// of Y from W's pieces and the shared packed X. With `parallel: false`, or a small product, all
    /// runs on the caller. With `spareRowsInY`, Y has `spareFloats(rows: m, ldy: ldy)` more floats
    /// past its last row, and the last, partial group of rows is computed whole (zero rows of X
    /// into those floats); `prepare` and `tail` still see only Y's m rows.
    static func multiply(
        rows m: Int, _ x: UnsafePointer<Float>, ldx: Int, _ w: PackedMatrix, alpha: Float = 1, beta: Float = 0,
        into y: UnsafeMutablePointer<Float>, ldy: Int, spareRowsInY: Bool = false, parallel: Bool = true,
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
        let padded = spareRowsInY && micro.packsInColumnGroups
        /// Rows the kernel computes for block r: only the last block can end in a partial group.
        func computedRows(_ r: Range<Int>) -> Int { padded ? roundedUpToGroups(r.count) : r.count }
        let pieces = rowBlocks.flatMap { r in depth.map { (r, $0) } }
        let layout = alignedOffsets(pieces.map { computedRows($0.0) * $0.1.count })
        // malloc's own 16-byte alignment, which the kernels accept: with a 64-byte aligned
        // allocation glibc kept handing back fresh, page-faulting pages (README).
        let packedX = UnsafeMutablePointer<Float>.allocate(capacity: layout.total)
        defer { packedX.deallocate() }
        let threads = parallel && m * n * k >= parallelWork ? Parallel.threadCount : 1

        Parallel.forEachChunk(pieces.count, minimumPerChunk: threads > 1 ? 1 : pieces.count) { range in
            for i in range {
                let (r, d) = pieces[i]
                let whole = padded ? r.count / rowGroup * rowGroup : r.count
                if whole > 0 { _ = micro.packColumns(d.count, whole, x + r.lowerBound * ldx + d.lowerBound, ldx, packedX + layout.offsets[i]) }
                if whole < r.count { packLastGroup(micro, rows: (r.lowerBound + whole)..<r.upperBound, d, x, ldx: ldx,
                                                   into: packedX + layout.offsets[i] + whole * d.count) }
            }
        }
        /// Column block `c` of Y, every row: each block writes only its own columns of Y.
        func computeBlock(_ c: Int) {
            let columns = w.columnBlocks[c]
            for (ri, r) in rowBlocks.enumerated() {
                let spare = r.upperBound..<(r.lowerBound + computedRows(r))      // scratch rows past m
                for row in beta == 0 ? r.lowerBound..<spare.upperBound : spare {
                    (y + row * ldy + columns.lowerBound).update(repeating: 0, count: columns.count)
                }
                prepare?(r, columns)
                for d in depth.indices {
                    _ = micro.kernel(columns.count, computedRows(r), depth[d].count, alpha, w.piece(c, d),
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

    /// Packs X's `rows` (fewer than `rowGroup`) over depth block `d` as one whole group, the rest zeros.
    private static func packLastGroup(_ micro: BLASMicroKernels, rows: Range<Int>, _ d: Range<Int>,
                                      _ x: UnsafePointer<Float>, ldx: Int, into packed: UnsafeMutablePointer<Float>) {
        var group = [Float](repeating: 0, count: rowGroup * d.count)
        group.withUnsafeMutableBufferPointer { g in
            for (i, row) in rows.enumerated() { (g.baseAddress! + i * d.count).update(from: x + row * ldx + d.lowerBound, count: d.count) }
            _ = micro.packColumns(d.count, rowGroup, g.baseAddress!, d.count, packed)
        }
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
