import COpenBLAS
import Foundation

/// OpenBLAS's own building blocks of a level-3 product, called directly so that a weight matrix can
/// be packed once instead of on every `cblas_sgemm` (`GEMM.PackedMatrix`). They are what OpenBLAS's
/// driver calls for `sgemm_tn`; C is column-major here, as in OpenBLAS:
///
///     packRows(k, m, a, lda, sa)            rows of op(A) [m, k], each contiguous over k, lda apart → sa
///     packColumns(k, n, b, ldb, sb)         columns of B [k, n], each contiguous over k, ldb apart → sb
///     kernel(m, n, k, α, sa, sb, c, ldc)    C[m, n] += α · A·B from the packed sa and sb
///
/// Debian's OpenBLAS is built for every core type and exports these per core (`sgemm_kernel_SKYLAKEX`,
/// `sgemm_incopy_HASWELL`, …); they are looked up for the core `BLASKernels` selected. Nil where they
/// are not exported (another OpenBLAS build): products then go through `cblas_sgemm`.
struct BLASMicroKernels {
    typealias Pack = @convention(c) (Int, Int, UnsafePointer<Float>?, Int, UnsafeMutablePointer<Float>?) -> Int32
    typealias Kernel = @convention(c) (Int, Int, Int, Float, UnsafePointer<Float>?, UnsafePointer<Float>?,
                                       UnsafeMutablePointer<Float>?, Int) -> Int32
    let packRows: Pack
    let packColumns: Pack
    let kernel: Kernel
    /// True when `packColumns` works in groups of `columnGroup` columns (or fewer), so that packing
    /// n columns gives the same floats as packing whole groups first and then the rest (checked
    /// once, below). The packed product then pads a last, partial group, which SkylakeX's kernel
    /// does slowly.
    let packsInColumnGroups: Bool

    /// Columns per group of OpenBLAS's column packing for SkylakeX (its SGEMM_UNROLL_N); other cores
    /// are checked, not assumed (`packsInColumnGroups`).
    static let columnGroup = 4

    static let current: BLASMicroKernels? = {
        let core = BLASKernels.selected.uppercased()
        guard let handle = dlopen(nil, RTLD_NOW),
              let rows = dlsym(handle, "sgemm_incopy_" + core), let columns = dlsym(handle, "sgemm_oncopy_" + core),
              let kernel = dlsym(handle, "sgemm_kernel_" + core)
        else { return nil }
        let packColumns = unsafeBitCast(columns, to: Pack.self)
        return BLASMicroKernels(packRows: unsafeBitCast(rows, to: Pack.self), packColumns: packColumns,
                                kernel: unsafeBitCast(kernel, to: Kernel.self), packsInColumnGroups: splitsAfterWholeGroups(packColumns))
    }()

    /// Packs 3 groups of columns (depth 3) whole, and split after one and after two groups: the
    /// same floats when columns are packed in groups of `columnGroup` (or of a divisor of it).
    private static func splitsAfterWholeGroups(_ pack: Pack) -> Bool {
        let (k, n) = (3, 3 * columnGroup)
        let b = (0..<(k * n)).map(Float.init)
        var whole = [Float](repeating: 0, count: k * n)
        _ = pack(k, n, b, k, &whole)
        return [columnGroup, 2 * columnGroup].allSatisfy { first in
            var split = [Float](repeating: -1, count: k * n)
            split.withUnsafeMutableBufferPointer { out in
                _ = pack(k, first, b, k, out.baseAddress!)
                b.withUnsafeBufferPointer { _ = pack(k, n - first, $0.baseAddress! + first * k, k, out.baseAddress! + first * k) }
            }
            return split == whole
        }
    }
}
