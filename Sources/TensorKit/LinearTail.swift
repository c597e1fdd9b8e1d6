import TensorKernels

/// What a packed linear product (`Tensor.linear(_:bias:_:)`) applies to each block of its output
/// while the block is still in cache, one TensorKernels call per row segment:
///
///     .bias                   y = x·Wᵀ + b
///     .gelu / .geluTanh       y = GELU(x·Wᵀ + b)           exact (erf) or tanh form
///     .quickGELU              y = QuickGELU(x·Wᵀ + b)      z · σ(1.702 z), CLIP's activation
///     .residual(γ, r)         y = r + γ ⊙ (x·Wᵀ + b)        LayerScale (γ = 1 when nil), then the skip
///
/// The same values as `Linear`, `GELU`, `*` and `+` one op at a time, up to rounding (and erf's
/// rational approximation, |error| ≤ 4.2e-7).
public enum LinearTail: Sendable {
    case bias, gelu, geluTanh, quickGELU
    /// `r` `[…, out]` (as many rows as the input), `γ` `[out]` or nil.
    case residual(scale: Tensor?, residual: Tensor)
}

/// A `LinearTail` bound to one product's `[rows, width]` output: applies it to a row segment.
struct RowTail: @unchecked Sendable {
    let tail: LinearTail
    let width: Int
    /// `.residual`'s operands, contiguous: `r` `[rows, width]`, `γ` `[width]`.
    let residual: Tensor?, scale: Tensor?

    init(_ tail: LinearTail, rows: Int, width: Int) {
        self.tail = tail
        self.width = width
        if case let .residual(scale, residual) = tail {
            precondition(residual.count == rows * width && (scale?.shape ?? [width]) == [width],
                         "linear: residual \(residual.shape) and scale \(scale?.shape ?? []) must be [\(rows), \(width)] and [\(width)]")
            (self.residual, self.scale) = (residual.contiguous(), scale?.contiguous())
        } else {
            (self.residual, self.scale) = (nil, nil)
        }
    }

    /// `y[row, column ..< column + n]` of `output` already holds `x·Wᵀ + b`.
    func callAsFunction(_ output: UnsafeMutablePointer<Float>, row: Int, column: Int, count n: Int) {
        let y = output + row * width + column
        switch tail {
        case .bias: return
        case .gelu: tk_bias_gelu_erf(y, nil, n)
        case .geluTanh: tk_bias_gelu_tanh(y, nil, n)
        case .quickGELU: tk_bias_quick_gelu(y, nil, n)
        case .residual:
            let r = residual.map { UnsafePointer($0.storage.base + $0.offset + row * width + column) }
            let g = scale.map { UnsafePointer($0.storage.base + $0.offset + column) }
            tk_bias_scale_residual(y, nil, g, r, n)
        }
    }
}
