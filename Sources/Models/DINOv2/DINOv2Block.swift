import TensorKit

/// One pre-norm DINOv2 block with LayerScale (`Dinov2Layer` in Hugging Face):
///
///     a = x + γ₁ ⊙ Attention(LN₁(x))
///     y = a + γ₂ ⊙ fc2(GELU(fc1(LN₂(a))))          GELU exact: x · ½(1 + erf(x/√2))
///
/// Attention over `[B, T, C]` with `H` heads of `D = C / H`:
///
///     q, k, v = x·W_qᵀ + b_q, …  (one GEMM)        [B, T, C] → [B, H, T, D]
///     A = softmax(q·kᵀ / √D)                       [B, H, T, T]
///     out = (A·v merged back to [B, T, C])·W_oᵀ + b_o
final class DINOv2Block {
    let norm1: LayerNorm, norm2: LayerNorm
    /// Query, key and value projections as one `[3C, C]` layer; the query rows are pre-multiplied by
    /// `1/√D` (for D = 64 that is 1/8, a power of two, so (q/8)·kᵀ equals (q·kᵀ)/8 exactly).
    let queryKeyValue: Linear
    let dense: Linear
    let fc1: Linear, fc2: Linear
    /// LayerScale vectors `γ₁`, `γ₂`: `[C]`.
    let layerScale1: Tensor, layerScale2: Tensor
    let headCount: Int

    init(weights: DINOv2Weights, layer l: Int) throws(DINOv2Error) {
        let c = weights.config
        let (C, M, p) = (c.hiddenSize, c.mlpSize, "encoder.layer.\(l).")
        func linear(_ name: String, _ out: Int, _ inFeatures: Int) throws(DINOv2Error) -> Linear {
            Linear(weight: try weights.tensor(p + name + ".weight", [out, inFeatures]),
                   bias: try weights.tensor(p + name + ".bias", [out]))
        }
        func norm(_ name: String) throws(DINOv2Error) -> LayerNorm {
            LayerNorm(weight: try weights.tensor(p + name + ".weight", [C]),
                      bias: try weights.tensor(p + name + ".bias", [C]), eps: c.layerNormEps)
        }
        norm1 = try norm("norm1")
        norm2 = try norm("norm2")
        let scale = 1 / Float(C / c.headCount).squareRoot()
        let (q, k, v) = (try linear("attention.attention.query", C, C), try linear("attention.attention.key", C, C),
                         try linear("attention.attention.value", C, C))
        // Stored [in, out] and viewed as [out, in], so the GEMM reads it without transposing.
        let weight = Tensor.cat([q.weight.transposed() * scale, k.weight.transposed(), v.weight.transposed()], axis: 1)
        let bias = Tensor.cat([(q.bias ?? .zeros([C])) * scale, k.bias ?? .zeros([C]), v.bias ?? .zeros([C])])
        queryKeyValue = Linear(weight: weight.transposed(), bias: bias)                    // [3C, C]
        dense = try linear("attention.output.dense", C, C)
        fc1 = try linear("mlp.fc1", M, C)
        fc2 = try linear("mlp.fc2", C, M)
        layerScale1 = try weights.tensor(p + "layer_scale1.lambda1", [C])
        layerScale2 = try weights.tensor(p + "layer_scale2.lambda1", [C])
        headCount = c.headCount
    }

    /// `x: [B, T, C]` → (the block's output `[B, T, C]`, attention probabilities `[B, H, T, T]`).
    func callAsFunction(_ x: Tensor) -> (output: Tensor, attention: Tensor) {
        let h = norm1(x)
        let qkv = RowKernels.projection(h, queryKeyValue)                                  // [B, T, 3C], q ·1/√D
        // softmax(q·kᵀ)·v per head: FusedAttention computes exactly what these views would,
        //   q, k, v = qkv.reshaped(B, T, 3, H, D).select(2, i).permuted(0, 2, 1, 3)     [B, H, T, D]
        //   attention = q.matmul(k.transposed()).softmax()                             [B, H, T, T]
        //   context = attention.matmul(v).permuted(0, 2, 1, 3).reshaped(B, T, C)        [B, T, C]
        let (context, attention) = FusedAttention.apply(qkv, heads: headCount)                        // [B, T, C], [B, H, T, T]
        let a = RowKernels.residual(context, dense, gamma: layerScale1, plus: x)           // [B, T, C]
        let m = RowKernels.projectionGELU(norm2(a), fc1)                                   // [B, T, M]
        return (RowKernels.residual(m, fc2, gamma: layerScale2, plus: a), attention)       // [B, T, C]
    }
}
