/// Shape arithmetic shared by `Tensor` and `Mask`: element counts, row-major strides, axis
/// normalisation and NumPy/PyTorch broadcasting.
public enum Shape {
    public static func count(_ shape: [Int]) -> Int { shape.reduce(1, *) }

    /// Row-major strides in elements: the last axis has stride 1.
    public static func contiguousStrides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var running = 1
        for axis in shape.indices.reversed() {
            strides[axis] = running
            running *= shape[axis]
        }
        return strides
    }

    /// Maps a possibly negative axis into `0..<rank`.
    public static func normalize(_ axis: Int, rank: Int) -> Int {
        let a = axis < 0 ? axis + rank : axis
        precondition(a >= 0 && a < max(rank, 1), "axis \(axis) is out of range for a rank-\(rank) tensor")
        return a
    }

    /// The broadcast shape of `a` and `b` (right-aligned; sizes must match or be 1), or `nil`.
    public static func broadcast(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            guard da == db || da == 1 || db == 1 else { return nil }
            result[i] = da == 1 ? db : da
        }
        return result
    }

    /// Calls `body` with every index of `shape` in row-major order.
    public static func forEachIndex(_ shape: [Int], _ body: ([Int]) -> Void) {
        let total = count(shape)
        guard total > 0 else { return }
        var index = [Int](repeating: 0, count: shape.count)
        for _ in 0..<total {
            body(index)
            var axis = shape.count - 1
            while axis >= 0 {
                index[axis] += 1
                if index[axis] < shape[axis] { break }
                index[axis] = 0
                axis -= 1
            }
        }
    }
}
