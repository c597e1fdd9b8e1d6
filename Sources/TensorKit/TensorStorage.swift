#if canImport(Glibc)
import Glibc
#endif

/// A reference-counted buffer of `Float` that tensors view through shape, strides and an offset.
///
/// The buffer is either owned (allocated here, freed in `deinit`) or borrowed from a longer-lived
/// owner such as a memory-mapped safetensors file. Borrowed buffers are read-only: writing through a
/// tensor first copies (see `Tensor.makeUniquelyOwned()`).
public final class TensorStorage: @unchecked Sendable {
    public let base: UnsafeMutablePointer<Float>
    public let count: Int
    /// Keeps borrowed memory alive; `nil` when this storage owns `base`.
    let owner: AnyObject?

    /// Allocates `count` floats initialised to `value`.
    public init(count: Int, repeating value: Float = 0) {
        _ = Self.heapTuned
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: value, count: count)
        owner = nil
    }

    /// Allocates `count` floats and lets `body` write every one of them.
    public init(count: Int, initializingWith body: (UnsafeMutableBufferPointer<Float>) -> Void) {
        _ = Self.heapTuned
        self.count = count
        base = .allocate(capacity: max(count, 1))
        body(UnsafeMutableBufferPointer(start: base, count: count))
        owner = nil
    }

    /// Wraps memory owned by `owner` (for example a memory map) without copying.
    public init(borrowing base: UnsafeMutablePointer<Float>, count: Int, owner: AnyObject) {
        self.base = base
        self.count = count
        self.owner = owner
    }

    var isBorrowed: Bool { owner != nil }

    /// glibc hands blocks above 128 KB back to the kernel as soon as they are freed, so a model
    /// that allocates its activations layer after layer page-faults (and has the kernel zero) the
    /// same memory again and again: ~25,000 faults, ~100 ms, per CLIP ViT-B/16 forward. Keep
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

    deinit {
        if owner == nil { base.deallocate() }
    }
}
