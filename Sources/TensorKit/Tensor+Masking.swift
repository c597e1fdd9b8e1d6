/// Masking ops in the course's convention: mask `true` = masked (cannot attend).
extension Tensor {
    /// Replaces elements where `mask` is true by `value`; the mask broadcasts to the tensor's shape,
    /// like `torch.masked_fill`. `scores.maskedFill(mask, -.infinity)` masks attention scores.
    public func maskedFill(_ mask: Mask, _ value: Float) -> Tensor {
        guard let shape = Shape.broadcast(self.shape, mask.shape), shape == self.shape else {
            preconditionFailure("maskedFill: mask of shape \(mask.shape) cannot be broadcast to tensor of shape \(self.shape)")
        }
        let m = Tensor(shape: mask.shape, scalars: mask.values.map { $0 ? 1 : 0 })
        return Tensor.zip(self, m, "maskedFill") { x, masked in masked != 0 ? value : x }
    }

    /// Keeps elements with `j - i >= diagonal` over the last two axes and zeroes the rest, like `triu`.
    public func triu(diagonal: Int = 0) -> Tensor {
        precondition(rank >= 2, "triu: needs at least 2 dimensions, got shape \(shape)")
        return maskedFill(Mask.lowerTriangle(dim(-2), dim(-1), diagonal: diagonal - 1), 0)
    }

    /// Keeps elements with `j - i <= diagonal` over the last two axes and zeroes the rest, like `tril`.
    public func tril(diagonal: Int = 0) -> Tensor {
        precondition(rank >= 2, "tril: needs at least 2 dimensions, got shape \(shape)")
        return maskedFill(Mask.upperTriangle(dim(-2), dim(-1), diagonal: diagonal + 1), 0)
    }
}
