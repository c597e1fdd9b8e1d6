import TensorKit

/// One pre-norm DINOv2 block with LayerScale (`Dinov2Layer` in Hugging Face):
///
///     a = x + γ₁ ⊙ Attention(LN₁(x))
///     y = a + γ₂ ⊙ fc2(GELU(fc1(LN₂(a))))          GELU exact: x · ½(1 + erf(x/√2))
///
/// Attention over `[B, T, C]` with `H` heads of `D = C / H`:
///
///     q, k, v = x·W_qᵀ + b_q, …                    [B, T, C] → [B, H, T, D]
///     A = softmax(q·kᵀ / √D)                       [B, H, T, T]
///     out = (A·v merged back to [B, T, C])·W_oᵀ + b_o
final class DINOv2Block {
    let norm1: LayerNorm, norm2: LayerNorm
    /// Query, key and value projections as one `[3C, C]` layer (`FusedLinear.concatenated`).
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
        queryKeyValue = FusedLinear.concatenated([try linear("attention.attention.query", C, C),
                                                  try linear("attention.attention.key", C, C),
                                                  try linear("attention.attention.value", C, C)])
        dense = try linear("attention.output.dense", C, C)
        fc1 = try linear("mlp.fc1", M, C)
        fc2 = try linear("mlp.fc2", C, M)
        layerScale1 = try weights.tensor(p + "layer_scale1.lambda1", [C])
        layerScale2 = try weights.tensor(p + "layer_scale2.lambda1", [C])
        headCount = c.headCount
    }

    /// `x: [B, T, C]` → (the block's output `[B, T, C]`, attention probabilities `[B, H, T, T]`).
    func callAsFunction(_ x: Tensor) -> (output: Tensor, attention: Tensor) {
        let qkv = FusedLinear.apply(norm1(x), queryKeyValue, .bias)                       // [B, T, 3C]
        let D = queryKeyValue.outFeatures / 3 / headCount
        let (context, attention) = FusedAttention.apply(qkv, heads: headCount, scale: Float(1 / Double(D).squareRoot()))
                                                                                           // [B, T, C], [B, H, T, T]
        let a = FusedLinear.apply(context, dense, .residual(scale: layerScale1, residual: x))   // [B, T, C]
        let m = FusedLinear.apply(norm2(a), fc1, .gelu)                                   // [B, T, M]
        return (FusedLinear.apply(m, fc2, .residual(scale: layerScale2, residual: a)), attention)  // [B, T, C]
    }
}
