#if canImport(Glibc)
import Glibc
#endif

/// A reference-counted buffer of `Float` that tensors view through shape, strides and an offset.
///
/// The buffer is either owned (allocated here, freed in `deinit`) or borrowed from a longer-lived
/// owner such as a memory-mapped safetensors file. Borrowed buffers are read-only: writing through a
/// tensor first copies (see `Tensor.makeUniquelyOwned()`).
public final class TensorStorage: @unchecked Sendable {
    /// The first element. Owned buffers start on a 64-byte boundary (see `allocate`). Internal:
    /// outside TensorKit, elements are reached through tensor operations and `withUnsafe…` closures.
    let base: UnsafeMutablePointer<Float>
    public let count: Int
    /// What `allocate` got from malloc, freed in `deinit`; nil when borrowed.
    private let allocation: UnsafeMutablePointer<Float>?
    /// Keeps borrowed memory alive; `nil` when this storage owns `base`.
    let owner: AnyObject?

    /// Allocates `count` floats initialised to `value`.
    public init(count: Int, repeating value: Float = 0) {
        _ = Self.heapTuned
        self.count = count
        (allocation, base) = Self.allocate(count)
        base.initialize(repeating: value, count: count)
        owner = nil
    }

    /// Allocates `count` floats and lets `body` write every one of them.
    public convenience init(count: Int, initializingWith body: (UnsafeMutableBufferPointer<Float>) -> Void) {
        self.init(count: count, spare: 0, initializingWith: body)
    }

    /// Allocates `count` floats and lets `body` write every one of them. `spare` more floats follow
    /// them as scratch (`GEMM.spareFloats`); they are not part of any tensor.
    init(count: Int, spare: Int, initializingWith body: (UnsafeMutableBufferPointer<Float>) -> Void) {
        _ = Self.heapTuned
        self.count = count
        (allocation, base) = Self.allocate(count + spare)
        body(UnsafeMutableBufferPointer(start: base, count: count))
        owner = nil
    }

    /// Wraps memory owned by `owner` (for example a memory map) without copying.
    init(borrowing base: UnsafeMutablePointer<Float>, count: Int, owner: AnyObject) {
        self.base = base
        self.count = count
        self.owner = owner
        allocation = nil
    }

    var isBorrowed: Bool { owner != nil }

    /// glibc hands blocks above 128 KB back to the kernel as soon as they are freed, so a model
    /// that allocates its activations layer after layer page-faults (and has the kernel zero) the
    /// same memory again and again (the README has the cost per CLIP forward). Keep
    /// blocks up to 32 MB in the heap and return freed heap memory only above 1 GB (a 448-pixel
    /// DINOv2 forward alone holds 300 MB of attention maps).
    private static let heapTuned: Bool = {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let (trimThreshold, mmapThreshold): (Int32, Int32) = (-1, -3)  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
        _ = mallopt(mmapThreshold, 32 << 20)
        _ = mallopt(trimThreshold, 1 << 30)
        return true
        #else
        return false
        #endif
    }()

    /// `count` floats starting on a 64-byte boundary (a cache line, one AVX-512 vector), so that
    /// threads writing neighbouring 16-column blocks of a row never share a cache line. malloc
    /// aligns to 16 bytes: the block is 15 floats longer and `base` moves up to the boundary. (A
    /// 64-byte `aligned_alloc` would do the same, but glibc then reuses freed blocks badly: fresh,
    /// page-faulting pages on every call.)
    private static func allocate(_ count: Int) -> (allocation: UnsafeMutablePointer<Float>, base: UnsafeMutablePointer<Float>) {
        let allocation = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1) + 15)
        let misalignment = Int(bitPattern: allocation) % 64 / 4
        return (allocation, allocation + (16 - misalignment) % 16)
    }

    deinit {
        allocation?.deallocate()
    }
}
