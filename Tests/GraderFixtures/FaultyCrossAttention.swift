import Contracts
import Solutions
import TensorKit

/// The reference layer's weights with the forward pass written out again, so that each subclass
/// can change one step: the image rule, the gate, or what rows that see no image do.
class FaultyCrossAttention: GatedCrossAttentionLayer {
    enum BlindRows { case zeroed, allMasked, attendEverywhere }

    let inner: GatedCrossAttention
    class func imageRule(_ layout: TokenLayout) -> AttentionRule { GatedCrossAttention.imageRule(layout) }
    class var blindRows: BlindRows { .zeroed }
    /// What multiplies the attention branch.
    func gateFactor() -> Tensor { cross_attn_attn_gate.tanh() }

    required init(hiddenSize: Int, numHeads: Int) { inner = GatedCrossAttention(hiddenSize: hiddenSize, numHeads: numHeads) }
    var input_layernorm: RMSNorm { inner.input_layernorm }
    var q_proj: Linear { inner.q_proj }
    var k_proj: Linear { inner.k_proj }
    var v_proj: Linear { inner.v_proj }
    var o_proj: Linear { inner.o_proj }
    var q_norm: RMSNorm { inner.q_norm }
    var k_norm: RMSNorm { inner.k_norm }
    var numHeads: Int { inner.numHeads }
    var cross_attn_attn_gate: Tensor {
        get { inner.cross_attn_attn_gate }
        set { inner.cross_attn_attn_gate = newValue }
    }

    func callAsFunction(_ x: Tensor, images: Tensor, layout: TokenLayout) -> (output: Tensor, weights: Tensor) {
        let (B, T, C, I, N, H) = (x.dim(0), x.dim(1), x.dim(2), images.dim(1), images.dim(2), numHeads)
        guard I > 0 else { return (x, .zeros([B, H, T, 0])) }
        let flat = images.reshaped(B, I * N, C)
        let q = q_norm(q_proj(input_layernorm(x)).reshaped(B, T, H, C / H).transposed(1, 2))
        let k = k_norm(k_proj(flat).reshaped(B, I * N, H, C / H).transposed(1, 2))
        let v = v_proj(flat).reshaped(B, I * N, H, C / H).transposed(1, 2)
        let hidden = Self.imageRule(layout).mask(queries: T, keys: I)
        let blind = Mask(shape: [T, 1]) { index in (0..<I).allSatisfy { hidden[index[0], $0] } }
        let keepBlind = Self.blindRows == .allMasked
        let mask = Mask(shape: [T, I * N]) { i in hidden[i[0], i[1] / N] && (keepBlind || !blind[i[0], 0]) }
        var (out, weights) = ScaledDotProductAttention.attention(q: q, k: k, v: v, mask: mask)
        var attention = o_proj(out.transposed(1, 2).reshaped(B, T, C))
        if Self.blindRows == .zeroed { (attention, weights) = (attention.maskedFill(blind, 0), weights.maskedFill(blind, 0)) }
        return (x + gateFactor() * attention, weights)
    }
}

/// Sees every image, also those placed after the token.
final class LaterImageCrossAttention: FaultyCrossAttention {
    override class func imageRule(_ layout: TokenLayout) -> AttentionRule { AttentionRule { _, _ in true } }
}

/// `x + attention`: the gate is never applied.
final class UngatedCrossAttention: FaultyCrossAttention {
    override func gateFactor() -> Tensor { .ones([1]) }
}

/// Rows that see no image keep an all −∞ row: NaN after the softmax.
final class NaNRowsCrossAttention: FaultyCrossAttention {
    override class var blindRows: BlindRows { .allMasked }
}

/// transformers' behaviour: rows that see no image attend to every image token and are not zeroed.
final class TransformersRowsCrossAttention: FaultyCrossAttention {
    override class var blindRows: BlindRows { .attendEverywhere }
}
