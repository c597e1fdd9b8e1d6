/// Views and copies that change how elements are laid out, never their values.
extension Tensor {
    /// A contiguous row-major copy, or `self` when already contiguous (and `forceCopy` is false).
    public func contiguous(forceCopy: Bool = false) -> Tensor {
        if !forceCopy && isContiguous { return self }
        let out = TensorStorage(count: count) { dst in
            Tensor.stridedCopy(from: storage.base + offset, shape: shape, strides: strides, to: dst.baseAddress!)
        }
        return Tensor(storage: out, shape: shape)
    }

    /// Copies a strided view into contiguous `dst`, innermost axis in a tight loop.
    static func stridedCopy(from src: UnsafePointer<Float>, shape: [Int], strides: [Int],
                            to dst: UnsafeMutablePointer<Float>) {
        let total = Shape.count(shape)
        guard total > 0 else { return }
        guard let last = shape.indices.last else { dst[0] = src[0]; return }
        let inner = shape[last], innerStride = strides[last]
        let outer = total / inner
        var index = [Int](repeating: 0, count: last)
        var srcOffset = 0
        var d = dst
        for _ in 0..<outer {
            var s = src + srcOffset
            if innerStride == 1 {
                d.update(from: s, count: inner)
            } else {
                for j in 0..<inner { d[j] = s.pointee; s += innerStride }
            }
            d += inner
            var axis = last - 1
            while axis >= 0 {
                index[axis] += 1
                srcOffset += strides[axis]
                if index[axis] < shape[axis] { break }
                srcOffset -= strides[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
    }

    /// The same elements with a new shape (one dimension may be -1), like `torch.reshape`:
    /// a view when the data is contiguous, a copy otherwise.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        let resolved = Shape.resolve(newShape, count: count, op: "reshape", from: shape)
        let base = contiguous()
        return Tensor(storage: base.storage, shape: resolved, strides: Shape.contiguousStrides(resolved),
                      offset: base.offset)
    }

    public func reshaped(_ newShape: Int...) -> Tensor { reshaped(newShape) }

    /// Reorders axes: result axis `i` is input axis `order[i]` (a view), like `torch.permute`.
    public func permuted(_ order: [Int]) -> Tensor {
        let axes = order.map { Shape.normalize($0, rank: rank) }
        precondition(axes.count == rank && Set(axes).count == rank,
                     "permute: \(order) is not a permutation of the \(rank) axes of \(shape)")
        return Tensor(storage: storage, shape: axes.map { shape[$0] }, strides: axes.map { strides[$0] },
                      offset: offset)
    }

    public func permuted(_ order: Int...) -> Tensor { permuted(order) }

    /// Swaps two axes (a view), like `torch.transpose`.
    public func transposed(_ a: Int = -2, _ b: Int = -1) -> Tensor {
        var order = Array(0..<rank)
        order.swapAt(Shape.normalize(a, rank: rank), Shape.normalize(b, rank: rank))
        return permuted(order)
    }

    /// Merges axes `start...end` into one (a view when possible), like `torch.flatten`.
    public func flattened(from start: Int = 0, to end: Int = -1) -> Tensor {
        let s = Shape.normalize(start, rank: rank), e = Shape.normalize(end, rank: rank)
        let merged = shape[s...e].reduce(1, *)
        return reshaped(Array(shape[..<s]) + [merged] + Array(shape[(e + 1)...]))
    }

    /// Inserts an axis of size 1 at `axis`.
    public func unsqueezed(_ axis: Int) -> Tensor {
        let a = axis < 0 ? axis + rank + 1 : axis
        precondition(a >= 0 && a <= rank, "unsqueeze: axis \(axis) is out of range for shape \(shape)")
        var newShape = shape, newStrides = strides
        newShape.insert(1, at: a)
        newStrides.insert(a < rank ? strides[a] * shape[a] : 1, at: a)
        return Tensor(storage: storage, shape: newShape, strides: newStrides, offset: offset)
    }

    /// Removes an axis of size 1.
    public func squeezed(_ axis: Int) -> Tensor {
        let a = Shape.normalize(axis, rank: rank)
        precondition(shape[a] == 1, "squeeze: axis \(axis) of shape \(shape) has size \(shape[a]), not 1")
        var newShape = shape, newStrides = strides
        newShape.remove(at: a)
        newStrides.remove(at: a)
        return Tensor(storage: storage, shape: newShape, strides: newStrides, offset: offset)
    }

    /// Repeats size-1 axes (and adds leading axes) to reach `target` without copying, like `expand`.
    public func expanded(to target: [Int]) -> Tensor {
        precondition(target.count >= rank, "expand: cannot expand shape \(shape) to fewer axes \(target)")
        let lead = target.count - rank
        var newStrides = [Int](repeating: 0, count: target.count)
        for axis in 0..<rank {
            let t = target[lead + axis]
            precondition(shape[axis] == t || shape[axis] == 1,
                         "expand: shape \(shape) cannot be expanded to \(target)")
            newStrides[lead + axis] = shape[axis] == t ? strides[axis] : 0
        }
        return Tensor(storage: storage, shape: target, strides: newStrides, offset: offset)
    }

    /// Elements `range` along `axis` (a view), like `narrow` or `x[..., a:b, ...]`.
    public func slice(_ axis: Int, _ range: Range<Int>) -> Tensor {
        let a = Shape.normalize(axis, rank: rank)
        precondition(range.lowerBound >= 0 && range.upperBound <= shape[a],
                     "slice: range \(range) is out of bounds for axis \(axis) of shape \(shape)")
        var newShape = shape
        newShape[a] = range.count
        return Tensor(storage: storage, shape: newShape, strides: strides,
                      offset: offset + range.lowerBound * strides[a])
    }

    /// Leading axes sliced by `ranges` (a view): `x[0..<2, 3..<5]` is `x[0:2, 3:5]`.
    public subscript(_ ranges: Range<Int>...) -> Tensor {
        ranges.enumerated().reduce(self) { t, pair in t.slice(pair.offset, pair.element) }
    }

    /// Index `i` along `axis`, removing that axis (a view), like `x[:, i]`.
    public func select(_ axis: Int, _ i: Int) -> Tensor {
        let a = Shape.normalize(axis, rank: rank)
        let j = i < 0 ? i + shape[a] : i
        return slice(a, j..<(j + 1)).squeezed(a)
    }

    /// Index `i` along the first axis (a view), like `x[i]`.
    public subscript(index i: Int) -> Tensor { select(0, i) }

    /// Concatenates tensors along `axis`; all other sizes must agree, like `torch.cat`.
    public static func cat(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
        guard let first = tensors.first else { preconditionFailure("cat: no tensors to concatenate") }
        let a = Shape.normalize(axis, rank: first.rank)
        for t in tensors {
            precondition(t.rank == first.rank && (0..<t.rank).allSatisfy { $0 == a || t.shape[$0] == first.shape[$0] },
                         "cat: shapes \(tensors.map(\.shape)) differ outside axis \(axis)")
        }
        var outShape = first.shape
        outShape[a] = tensors.reduce(0) { $0 + $1.shape[a] }
        let outer = first.shape[..<a].reduce(1, *)
        let storage = TensorStorage(count: Shape.count(outShape)) { dst in
            var d = dst.baseAddress!
            let parts = tensors.map { ($0.contiguous(), $0.shape[a...].reduce(1, *)) }
            for o in 0..<outer {
                for (part, block) in parts {
                    d.update(from: part.storage.base + part.offset + o * block, count: block)
                    d += block
                }
            }
        }
        return Tensor(storage: storage, shape: outShape)
    }

    /// Stacks equally shaped tensors along a new axis, like `torch.stack`.
    public static func stack(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
        cat(tensors.map { $0.unsqueezed(axis) }, axis: axis)
    }
}

extension Shape {
    /// Replaces a single -1 in `shape` so that it holds `count` elements.
    static func resolve(_ shape: [Int], count: Int, op: String, from old: [Int]) -> [Int] {
        let known = shape.filter { $0 != -1 }.reduce(1, *)
        let holes = shape.filter { $0 == -1 }.count
        precondition(holes <= 1 && shape.allSatisfy { $0 >= -1 }, "\(op): invalid shape \(shape)")
        var resolved = shape
        if holes == 1, let i = shape.firstIndex(of: -1) {
            precondition(known > 0 && count % known == 0, "\(op): shape \(shape) is invalid for \(count) elements")
            resolved[i] = count / known
        }
        precondition(Shape.count(resolved) == count,
                     "\(op): shape \(shape) is invalid for input of shape \(old) (\(count) elements)")
        return resolved
    }
}
