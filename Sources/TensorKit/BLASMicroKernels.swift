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
    /// True when `packColumns` works in groups of 4 columns (or 2, or 1), so that packing n columns
    /// gives the same floats as packing the first 4·⌊n/4⌋ and then the rest (checked once, below).
    /// The packed product then pads a last, partial group, which SkylakeX's kernel does slowly.
    let packsGroupsOf4: Bool

    static let current: BLASMicroKernels? = {
        let core = BLASKernels.selected.uppercased()
        guard let handle = dlopen(nil, RTLD_NOW),
              let rows = dlsym(handle, "sgemm_incopy_" + core), let columns = dlsym(handle, "sgemm_oncopy_" + core),
              let kernel = dlsym(handle, "sgemm_kernel_" + core)
        else { return nil }
        let packColumns = unsafeBitCast(columns, to: Pack.self)
        return BLASMicroKernels(packRows: unsafeBitCast(rows, to: Pack.self), packColumns: packColumns,
                                kernel: unsafeBitCast(kernel, to: Kernel.self), packsGroupsOf4: splitsAfterGroupsOf4(packColumns))
    }()

    /// Packs 12 columns of depth 3 whole, and as 4 + 8 and 8 + 4 columns: the same floats when
    /// columns are packed in groups of 4 (or of 2 or 1).
    private static func splitsAfterGroupsOf4(_ pack: Pack) -> Bool {
        let (k, n) = (3, 12)
        let b = (0..<(k * n)).map(Float.init)
        var whole = [Float](repeating: 0, count: k * n)
        _ = pack(k, n, b, k, &whole)
        return [4, 8].allSatisfy { first in
            var split = [Float](repeating: -1, count: k * n)
            split.withUnsafeMutableBufferPointer { out in
                _ = pack(k, first, b, k, out.baseAddress!)
                b.withUnsafeBufferPointer { _ = pack(k, n - first, $0.baseAddress! + first * k, k, out.baseAddress! + first * k) }
            }
            return split == whole
        }
    }
}
