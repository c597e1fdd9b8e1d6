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
    let query: Linear, key: Linear, value: Linear, dense: Linear
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
        query = try linear("attention.attention.query", C, C)
        key = try linear("attention.attention.key", C, C)
        value = try linear("attention.attention.value", C, C)
        dense = try linear("attention.output.dense", C, C)
        fc1 = try linear("mlp.fc1", M, C)
        fc2 = try linear("mlp.fc2", C, M)
        layerScale1 = try weights.tensor(p + "layer_scale1.lambda1", [C])
        layerScale2 = try weights.tensor(p + "layer_scale2.lambda1", [C])
        headCount = c.headCount
    }

    /// `x: [B, T, C]` → (the block's output `[B, T, C]`, attention probabilities `[B, H, T, T]`).
    func callAsFunction(_ x: Tensor) -> (output: Tensor, attention: Tensor) {
        let (B, T, C) = (x.dim(0), x.dim(1), x.dim(2))
        let (H, D) = (headCount, C / headCount)
        let h = norm1(x)
        func heads(_ t: Tensor) -> Tensor { t.reshaped(B, T, H, D).permuted(0, 2, 1, 3) }   // [B, H, T, D]
        // Scaling q instead of the [T, T] scores: for D = 64, 1/√D = 1/8 is a power of two, so
        // (q/8)·kᵀ equals (q·kᵀ)/8 exactly.
        let q = heads(query(h) * (1 / Float(D).squareRoot()))                              // [B, H, T, D]
        let k = heads(key(h)), v = heads(value(h))                                         // [B, H, T, D]
        let attention = q.matmul(k.transposed()).softmax()                                 // [B, H, T, T]
        let context = attention.matmul(v).permuted(0, 2, 1, 3).reshaped(B, T, C)           // [B, T, C]
        let a = x + dense(context) * layerScale1                                           // [B, T, C]
        let mlp = fc2(ExactGELU.apply(fc1(norm2(a))))                                      // [B, T, C]
        return (a + mlp * layerScale2, attention)
    }
}
