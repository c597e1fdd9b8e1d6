/// An N-dimensional Float32 tensor with PyTorch semantics: a shape, strides (in elements) and an
/// offset into shared storage.
///
/// Views (`reshape` of contiguous data, `permute`, `transpose`, slicing, `expand`) share storage;
/// every computing op returns a new contiguous tensor. Tensors are values: mutating one through
/// `subscript` never changes another (copy on write).
///
/// Shape letters used across the project: `B` batch, `T` tokens, `C` channels/width, `H` heads,
/// `D` head dim, `P` patch size, `N` patches.
public struct Tensor: Sendable {
    public private(set) var shape: [Int]
    /// Element strides per axis; a stride of 0 repeats data (broadcast views).
    public private(set) var strides: [Int]
    public private(set) var offset: Int
    public private(set) var storage: TensorStorage

    /// A view of `storage`; the caller guarantees every reachable element is in bounds.
    init(storage: TensorStorage, shape: [Int], strides: [Int], offset: Int = 0) {
        self.storage = storage
        self.shape = shape
        self.strides = strides
        self.offset = offset
    }

    /// A contiguous tensor holding `storage` in row-major order.
    public init(storage: TensorStorage, shape: [Int]) {
        precondition(storage.count == Shape.count(shape),
                     "Tensor: storage of \(storage.count) elements cannot have shape \(shape)")
        self.init(storage: storage, shape: shape, strides: Shape.contiguousStrides(shape))
    }

    /// A contiguous tensor from row-major `scalars`; `scalars.count` must equal the product of `shape`.
    public init(shape: [Int], scalars: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor: negative dimension in shape \(shape)")
        precondition(scalars.count == Shape.count(shape),
                     "Tensor: \(scalars.count) scalars do not fill shape \(shape) (\(Shape.count(shape)) elements)")
        let storage = TensorStorage(count: scalars.count) { buffer in
            _ = buffer.initialize(from: scalars)
        }
        self.init(storage: storage, shape: shape)
    }

    /// A 1-D tensor of `scalars`.
    public init(_ scalars: [Float]) {
        self.init(shape: [scalars.count], scalars: scalars)
    }

    /// A 2-D tensor from rows of equal length.
    public init(_ rows: [[Float]]) {
        let width = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == width }, "Tensor: rows have different lengths")
        self.init(shape: [rows.count, width], scalars: rows.flatMap { $0 })
    }

    /// A tensor of `shape` filled with `value`.
    public init(repeating value: Float, shape: [Int]) {
        self.init(storage: TensorStorage(count: Shape.count(shape), repeating: value), shape: shape)
    }

    public static func zeros(_ shape: [Int]) -> Tensor { Tensor(repeating: 0, shape: shape) }
    public static func ones(_ shape: [Int]) -> Tensor { Tensor(repeating: 1, shape: shape) }

    /// `[0, 1, …, n-1]` as floats, like `torch.arange(n)`.
    public static func arange(_ n: Int) -> Tensor { Tensor((0..<n).map(Float.init)) }

    /// A tensor of `shape` whose element at each index is `body(index)`.
    public init(shape: [Int], generator body: ([Int]) -> Float) {
        var scalars: [Float] = []
        scalars.reserveCapacity(Shape.count(shape))
        Shape.forEachIndex(shape) { scalars.append(body($0)) }
        self.init(shape: shape, scalars: scalars)
    }

    // MARK: - Properties

    public var rank: Int { shape.count }
    /// Number of elements.
    public var count: Int { Shape.count(shape) }
    /// Size of `axis`; negative axes count from the end.
    public func dim(_ axis: Int) -> Int { shape[Shape.normalize(axis, rank: rank)] }
    public var isContiguous: Bool { strides == Shape.contiguousStrides(shape) }

    /// The elements in row-major order.
    public var scalars: [Float] {
        let c = contiguous()
        return Array(UnsafeBufferPointer(start: c.storage.base + c.offset, count: c.count))
    }

    /// The single element of a one-element tensor (`tensor.item()`).
    public var item: Float {
        precondition(count == 1, "item: tensor of shape \(shape) has \(count) elements, not 1")
        return storage.base[offset]
    }

    // MARK: - Element access

    func storageIndex(_ indices: [Int]) -> Int {
        precondition(indices.count == rank,
                     "Tensor index \(indices) has \(indices.count) components for a rank-\(rank) tensor \(shape)")
        var position = offset
        for (axis, raw) in indices.enumerated() {
            let i = raw < 0 ? raw + shape[axis] : raw
            precondition(i >= 0 && i < shape[axis], "Tensor index \(indices) is out of bounds for shape \(shape)")
            position += i * strides[axis]
        }
        return position
    }

    /// The element at `indices` (negative indices count from the end).
    public subscript(_ indices: Int...) -> Float {
        get { storage.base[storageIndex(indices)] }
        set {
            makeUniquelyOwned()
            storage.base[storageIndex(indices)] = newValue
        }
    }

    /// Ensures this tensor owns a contiguous, unshared, writable buffer (copying if needed).
    mutating func makeUniquelyOwned() {
        if !isKnownUniquelyReferenced(&storage) || storage.isBorrowed || !isContiguous
            || offset != 0 || storage.count != count {
            self = contiguous(forceCopy: true)
        }
    }

    /// Calls `body` with a pointer to the elements in row-major order (copying only if not contiguous).
    public func withUnsafeContiguousBuffer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        let c = contiguous()
        return try body(UnsafeBufferPointer(start: c.storage.base + c.offset, count: c.count))
    }
}
