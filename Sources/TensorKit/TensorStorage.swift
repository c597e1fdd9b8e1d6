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
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: value, count: count)
        owner = nil
    }

    /// Allocates `count` floats and lets `body` write every one of them.
    public init(count: Int, initializingWith body: (UnsafeMutableBufferPointer<Float>) -> Void) {
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

    deinit {
        if owner == nil { base.deallocate() }
    }
}
