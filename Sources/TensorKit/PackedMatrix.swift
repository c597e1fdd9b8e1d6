extension GEMM {
    /// A weight matrix `W` `[N, K]` packed once, at load, for the products `Y = X·Wᵀ` of a linear
    /// layer (`X` `[M, K]` → `Y` `[M, N]`). `cblas_sgemm` repacks W on every call, about a tenth of
    /// a ViT's forward time; packed here, each product only packs its (much smaller) input.
    ///
    /// The product is cut the same way on every call, so W is packed in exactly those pieces:
    /// output columns into column blocks (`columnBlocks`), and K into depth blocks of at most
    /// `depthBlockLimit` (`depthBlocks`), so that a weight piece and a depth block of packed input
    /// stay in L2 together (768 × 448 and 256 × 448 floats: 1.8 MB). A column block is the unit of
    /// work that threads take in turn: with several threads there are `blocksPerThread` of them per
    /// thread (at most `columnBlockLimit` columns each), so that a thread slowed down by other load
    /// on its core takes fewer. Piece (column block c, depth block d) is OpenBLAS's packing of
    /// `W[c, d]`, 64-byte aligned.
    ///
    /// Where OpenBLAS's micro-kernels are not exported (`BLASMicroKernels`), it keeps W as it is
    /// and the products go through `cblas_sgemm`, with the same results up to rounding.
    public final class PackedMatrix: @unchecked Sendable {
        /// N and K of `W` `[N, K]`.
        public let outputs: Int, inputs: Int
        let columnBlocks: [Range<Int>]
        let depthBlocks: [Range<Int>]
        /// Piece (c, d) starts at `packed + offsets[c * depthBlocks.count + d]`.
        let packed: UnsafeMutablePointer<Float>?
        let offsets: [Int]
        /// `W` unpacked, for `cblas_sgemm`, where the micro-kernels are missing.
        let plain: Tensor?

        static let depthBlockLimit = 448, columnBlockLimit = 768, blocksPerThread = 4

        /// Packs `weight` `[N, K]` (any strides). It can then be dropped: the packed copy is all
        /// that products read.
        public init(_ weight: Tensor, threads: Int = Parallel.threadCount) {
            precondition(weight.rank == 2, "PackedMatrix: weight must be [N, K], not \(weight.shape)")
            (outputs, inputs) = (weight.dim(0), weight.dim(1))
            let parts = threads > 1 ? Self.blocksPerThread * threads : 1
            columnBlocks = balancedBlocks(outputs, parts: Swift.max(parts, (outputs + Self.columnBlockLimit - 1) / Self.columnBlockLimit))
            depthBlocks = balancedBlocks(inputs, limit: Self.depthBlockLimit)
            guard let micro = BLASMicroKernels.current, outputs > 0, inputs > 0 else {
                (packed, offsets, plain) = (nil, [], weight)
                return
            }
            let depth = depthBlocks
            let pieces = columnBlocks.flatMap { c in depth.map { (c, $0) } }
            let layout = alignedOffsets(pieces.map { $0.0.count * $0.1.count })
            offsets = layout.offsets
            let packed = UnsafeMutableRawPointer.allocate(byteCount: layout.total * 4, alignment: 64)
                .bindMemory(to: Float.self, capacity: layout.total)
            let w = weight.contiguous()
            let base = UnsafePointer(w.storage.base + w.offset)
            for ((c, d), offset) in zip(pieces, offsets) {
                _ = micro.packRows(d.count, c.count, base + c.lowerBound * inputs + d.lowerBound, inputs, packed + offset)
            }
            withExtendedLifetime(w) {}
            (self.packed, plain) = (packed, nil)
        }

        /// Freed as it was allocated: raw, 64-byte aligned.
        deinit { packed.map { UnsafeMutableRawPointer($0).deallocate() } }

        /// The packed piece for column block `c` and depth block `d`.
        func piece(_ c: Int, _ d: Int) -> UnsafePointer<Float> {
            UnsafePointer(packed! + offsets[c * depthBlocks.count + d])
        }
    }
}

/// `0..<count` cut into `parts` ranges of whole 16-element groups, as even as that allows
/// (the last may be shorter, and trailing ones empty ranges are dropped).
func balancedBlocks(_ count: Int, parts: Int) -> [Range<Int>] {
    let step = ((count + parts - 1) / parts + 15) / 16 * 16
    return stride(from: 0, to: count, by: Swift.max(step, 1)).map { $0..<Swift.min(count, $0 + step) }
}

/// `0..<count` cut into the fewest ranges of at most `limit`, as even as 16-element groups allow.
func balancedBlocks(_ count: Int, limit: Int) -> [Range<Int>] {
    balancedBlocks(count, parts: Swift.max(1, (count + limit - 1) / limit))
}

/// Start offsets of consecutive pieces of these sizes (in floats), each rounded up to 16 floats
/// (64 bytes), and the floats they take in all.
func alignedOffsets(_ sizes: [Int]) -> (offsets: [Int], total: Int) {
    var offsets: [Int] = [], next = 0
    for size in sizes {
        offsets.append(next)
        next += (size + 15) / 16 * 16
    }
    return (offsets, next)
}
