import TensorKit

/// A linear layer whose weight is packed once, at load, for OpenBLAS's kernel
/// (`GEMM.PackedMatrix`), and whose bias, activation, LayerScale and residual are applied to each
/// block of the product while it is in cache (`Tensor.linear(_:bias:_:)`, tails in `LinearTail`).
///
/// Shapes: `x` `[…, in]`, `W` `[out, in]` (stored either way round), `r` `[…, out]` → `y` `[…, out]`.
struct FusedLinear {
    typealias Tail = LinearTail

    /// `W` `[out, in]`, packed.
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
        x.linear(weight, bias: bias, tail)
    }
}
