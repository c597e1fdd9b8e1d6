/// A boolean tensor, always contiguous and row-major. In this course `true` means *masked*
/// (cannot attend), as in the notebook and `nn.MultiheadAttention`; note that
/// `F.scaled_dot_product_attention` uses the opposite convention.
public struct Mask: Sendable, Equatable {
    public let shape: [Int]
    public private(set) var values: [Bool]

    public init(shape: [Int], values: [Bool]) {
        precondition(values.count == Shape.count(shape),
                     "Mask: \(values.count) values do not fill shape \(shape)")
        self.shape = shape
        self.values = values
    }

    public init(repeating value: Bool, shape: [Int]) {
        self.init(shape: shape, values: [Bool](repeating: value, count: Shape.count(shape)))
    }

    /// A mask of `shape` whose element at each index is `body(index)`.
    public init(shape: [Int], generator body: ([Int]) -> Bool) {
        var values: [Bool] = []
        values.reserveCapacity(Shape.count(shape))
        Shape.forEachIndex(shape) { values.append(body($0)) }
        self.init(shape: shape, values: values)
    }

    public var rank: Int { shape.count }
    public var count: Int { values.count }

    /// Number of `true` elements (`mask.sum()`).
    public var trueCount: Int { values.reduce(0) { $0 + ($1 ? 1 : 0) } }

    func position(_ indices: [Int]) -> Int {
        precondition(indices.count == rank, "Mask index \(indices) does not match rank \(rank) of shape \(shape)")
        var p = 0
        for (axis, raw) in indices.enumerated() {
            let i = raw < 0 ? raw + shape[axis] : raw
            precondition(i >= 0 && i < shape[axis], "Mask index \(indices) is out of bounds for shape \(shape)")
            p = p * shape[axis] + i
        }
        return p
    }

    public subscript(_ indices: Int...) -> Bool {
        get { values[position(indices)] }
        set { values[position(indices)] = newValue }
    }

    /// A copy of the block `rows × cols` of a 2-D mask, like `mask[r0:r1, c0:c1]`.
    public subscript(rows: Range<Int>, cols: Range<Int>) -> Mask {
        precondition(rank == 2 && rows.upperBound <= shape[0] && cols.upperBound <= shape[1]
                     && rows.lowerBound >= 0 && cols.lowerBound >= 0,
                     "Mask: block [\(rows), \(cols)] is out of bounds for shape \(shape)")
        return Mask(shape: [rows.count, cols.count]) { values[(rows.lowerBound + $0[0]) * shape[1] + cols.lowerBound + $0[1]] }
    }

    /// `true` where `j - i >= diagonal` in an `rows × cols` grid, like `torch.ones(...).triu(diagonal)`.
    /// The causal mask is `Mask.upperTriangle(n, n, diagonal: 1)`.
    public static func upperTriangle(_ rows: Int, _ cols: Int, diagonal: Int = 0) -> Mask {
        Mask(shape: [rows, cols]) { $0[1] - $0[0] >= diagonal }
    }

    /// `true` where `j - i <= diagonal`, like `torch.ones(...).tril(diagonal)`.
    public static func lowerTriangle(_ rows: Int, _ cols: Int, diagonal: Int = 0) -> Mask {
        Mask(shape: [rows, cols]) { $0[1] - $0[0] <= diagonal }
    }

    /// 1 where `true`, 0 where `false` (`mask.float()`).
    public var asFloat: Tensor { Tensor(shape: shape, scalars: values.map { $0 ? 1 : 0 }) }

    public static prefix func ! (m: Mask) -> Mask { Mask(shape: m.shape, values: m.values.map { !$0 }) }
    public static func || (a: Mask, b: Mask) -> Mask { zip(a, b, "||") { $0 || $1 } }
    public static func && (a: Mask, b: Mask) -> Mask { zip(a, b, "&&") { $0 && $1 } }

    static func zip(_ a: Mask, _ b: Mask, _ op: String, _ f: (Bool, Bool) -> Bool) -> Mask {
        precondition(a.shape == b.shape, "Mask \(op): shapes \(a.shape) and \(b.shape) differ")
        return Mask(shape: a.shape, values: Swift.zip(a.values, b.values).map(f))
    }
}
