import TensorKernels
import TensorKit

/// Linear layers with their elementwise tails fused into the product: each thread computes a block
/// of `x·Wᵀ + b` (`GEMM` on a block filled with the bias, β = 1) and finishes it while it is still
/// in cache, one TensorKernels call per row segment:
///
///     .bias                   y = x·Wᵀ + b
///     .gelu / .geluTanh       y = GELU(x·Wᵀ + b)           exact (erf) or tanh form
///     .quickGELU              y = QuickGELU(x·Wᵀ + b)      z · σ(1.702 z), CLIP's activation
///     .residual(γ, r)         y = r + γ ⊙ (x·Wᵀ + b)        LayerScale (γ = 1 when nil), then the skip
///
/// Shapes: `x` `[…, in]`, `W` `[out, in]` (stored either way round), `r` `[…, out]` → `y` `[…, out]`.
/// The same values as TensorKit's `Linear`, `GELU`, `*` and `+` one op at a time, up to rounding
/// (and erf's rational approximation, |error| ≤ 4.2e-7).
struct FusedLinear {
    enum Tail {
        case bias, gelu, geluTanh, quickGELU
        case residual(scale: Tensor?, residual: Tensor)
    }

    /// `W` `[out, in]`, packed once for OpenBLAS's kernel (`GEMM.PackedMatrix`).
    let weight: GEMM.PackedMatrix
    /// `b` `[out]`, contiguous, or nil.
    let bias: Tensor?

    var inFeatures: Int { weight.inputs }
    var outFeatures: Int { weight.outputs }

    /// Packs the layer's weight. The pages of a memory-mapped checkpoint that held it are then
    /// released, so resident memory holds the packed copy only.
    init(_ layer: Linear) {
        weight = GEMM.PackedMatrix(layer.weight)
        bias = layer.bias?.contiguous()
        layer.weight.releaseMappedPages()
    }

    /// Layers on the same input as one layer whose outputs are theirs side by side, `[Σ out, in]`:
    /// one GEMM instead of several, so the input is packed once (query, key and value). Weights
    /// stored either way round (`[out, in]` Hugging Face, `[in, out]` ONNX); missing biases count
    /// as zeros.
    init(joining layers: [Linear]) {
        let bias = layers.allSatisfy { $0.bias == nil } ? nil
            : Tensor.cat(layers.map { $0.bias ?? .zeros([$0.outFeatures]) })
        self.init(Linear(weight: Tensor.cat(layers.map(\.weight), axis: 0), bias: bias))
        for layer in layers { layer.weight.releaseMappedPages() }
    }

    /// `x` `[…, in]` → `tail(x·Wᵀ + b)` `[…, out]`.
    func callAsFunction(_ x: Tensor, _ tail: Tail) -> Tensor {
        let K = x.dim(-1), n = outFeatures
        precondition(inFeatures == K, "FusedLinear: input \(x.shape) does not match weight [\(n), \(inFeatures)]")
        let input = x.contiguous(), rows = input.count / Swift.max(K, 1)
        // Every element is written by the GEMM; the spare floats let it compute whole groups of rows.
        let output = TensorStorage(count: rows * n, spare: GEMM.spareFloats(rows: rows, ldy: n)) { _ in }
        let finish = RowTail(tail, rows: rows, width: n)
        let biasBase = bias.map { UnsafePointer($0.storage.base + $0.offset) }
        // With a bias, each block of the output starts as copies of it and the GEMM adds to them
        // (β = 1), instead of a zero fill and a pass of the tail.
        GEMM.multiply(rows: rows, input.storage.base + input.offset, ldx: K, weight, beta: biasBase == nil ? 0 : 1,
                      into: output.base, ldy: n, spareRowsInY: true,
                      prepare: biasBase.map { b in { rowRange, columns in
                          for row in rowRange {
                              (output.base + row * n + columns.lowerBound).update(from: b + columns.lowerBound, count: columns.count)
                          }
                      } }) { rowRange, columns in
            for row in rowRange { finish(output.base, row: row, column: columns.lowerBound, count: columns.count) }
        }
        withExtendedLifetime((input, bias, finish)) {}
        return Tensor(storage: output, shape: Array(x.shape.dropLast()) + [n])
    }

    /// The tail on one row segment `y[row, column ..< column + count]` of the `[rows, width]` output.
    private struct RowTail: @unchecked Sendable {
        let tail: Tail
        let width: Int
        /// `.residual`'s operands, contiguous: `r` `[rows, width]`, `γ` `[width]`.
        let residual: Tensor?, scale: Tensor?

        init(_ tail: Tail, rows: Int, width: Int) {
            self.tail = tail
            self.width = width
            if case let .residual(scale, residual) = tail {
                precondition(residual.count == rows * width && (scale?.shape ?? [width]) == [width],
                              "FusedLinear: residual \(residual.shape) and scale \(scale?.shape ?? []) must be [\(rows), \(width)] and [\(width)]")
                (self.residual, self.scale) = (residual.contiguous(), scale?.contiguous())
            } else {
                (self.residual, self.scale) = (nil, nil)
            }
        }

        /// `y[row, column ..< column + n]` already holds `x·Wᵀ + b`.
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
}
