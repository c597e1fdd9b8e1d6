import TensorKit

/// A pre-norm Vision Transformer block: CLIP's `CLIPEncoderLayer` and DINOv2's `Dinov2Layer` alike.
///
///     a = x + γ₁ ⊙ Attention(LN₁(x))                  γ₁ = γ₂ = 1 in CLIP, LayerScale in DINOv2
///     y = a + γ₂ ⊙ fc2(act(fc1(LN₂(a))))             [B, T, C] → [B, T, F] → [B, T, C]
///
/// Attention over `[B, T, C]` with `H` heads of `D = C / H`:
///
///     q, k, v = LN₁(x)·W_{q,k,v}ᵀ + b            one [3C, C] layer (FusedLinear(joining:)) → [B, T, 3C]
///     A = softmax(q·kᵀ · D^-½) per head          [B, H, T, T], no mask: every token sees every token
///     out = (A·v merged back to [B, T, C])·W_oᵀ + b_o
///
/// The attention core is the course's Part 1 `ScaledDotProductAttention` (transformers' eager
/// attention) computed head by head by TensorKit's `multiHeadSelfAttention`; the linear layers
/// carry their bias, activation and residual in the same pass (`FusedLinear`). ModelsTests'
/// `FusedKernelTests` checks both against the one-op-at-a-time forms.
struct PreNormBlock {
    let norm1: LayerNorm, norm2: LayerNorm
    /// Query, key and value as one `[3C, C]` layer.
    let queryKeyValue: FusedLinear
    let out: FusedLinear, fc1: FusedLinear, fc2: FusedLinear
    /// The MLP's activation, applied in fc1's pass.
    let activation: FusedLinear.Tail
    /// LayerScale vectors `[C]`, or nil for none (γ = 1).
    let scale1: Tensor?, scale2: Tensor?
    let heads: Int

    /// Packs the linear layers (`FusedLinear`): query, key and value are given in that order and
    /// joined into one.
    init(norm1: LayerNorm, norm2: LayerNorm, queryKeyValue: [Linear], out: Linear, fc1: Linear, fc2: Linear,
         activation: FusedLinear.Tail, scale1: Tensor?, scale2: Tensor?, heads: Int) {
        (self.norm1, self.norm2, self.activation, self.scale1, self.scale2, self.heads) = (norm1, norm2, activation, scale1, scale2, heads)
        self.queryKeyValue = FusedLinear(joining: queryKeyValue)
        (self.out, self.fc1, self.fc2) = (FusedLinear(out), FusedLinear(fc1), FusedLinear(fc2))
    }

    /// `x` `[B, T, C]` → (the block's output `[B, T, C]`, attention probabilities `[B, H, T, T]`).
    func callAsFunction(_ x: Tensor) -> (output: Tensor, attention: Tensor) {
        let qkv = queryKeyValue(norm1(x), .bias)                         // [B, T, 3C]
        let D = queryKeyValue.outFeatures / 3 / heads
        let (context, attention) = qkv.multiHeadSelfAttention(heads: heads, scale: Float(1 / Double(D).squareRoot()))
        let a = out(context, .residual(scale: scale1, residual: x))      // [B, T, C]
        let hidden = fc1(norm2(a), activation)                           // [B, T, F]
        return (fc2(hidden, .residual(scale: scale2, residual: a)), attention)  // [B, T, C]
    }
}
