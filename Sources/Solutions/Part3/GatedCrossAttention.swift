import Contracts
import TensorKit

/// Part 3b — Llama 3.2 Vision's gated cross-attention: text queries read image keys and values.
///
/// `x` `[B, T, C]`, `images` `[B, I, N, C]` → `h = input_layernorm(x)` → `q = q_norm(q_proj(h))`
/// `[B, H, T, D]`, `k = k_norm(k_proj(images))`, `v = v_proj(images)` `[B, H, I·N, D]` → weights
/// `[B, H, T, I·N]` (images a token may not see masked) → `o_proj(weights·v)` `[B, T, C]` →
/// `x + tanh(gate) · attention`. A text row that sees no image returns `x` unchanged.
public class GatedCrossAttention {
    public let numHeads: Int
    public let headDim: Int
    public let input_layernorm: RMSNorm
    public let q_proj: Linear
    public let k_proj: Linear
    public let v_proj: Linear
    public let o_proj: Linear
    public let q_norm: RMSNorm
    public let k_norm: RMSNorm
    public var cross_attn_attn_gate: Tensor

    public init(hiddenSize: Int, numHeads: Int) {
        self.numHeads = numHeads
        headDim = hiddenSize / numHeads
        input_layernorm = RMSNorm(hiddenSize, eps: 1e-5)
        q_proj = Linear(hiddenSize, hiddenSize, bias: false)
        k_proj = Linear(hiddenSize, hiddenSize, bias: false)
        v_proj = Linear(hiddenSize, hiddenSize, bias: false)
        o_proj = Linear(hiddenSize, hiddenSize, bias: false)
        q_norm = RMSNorm(headDim, eps: 1e-5)
        k_norm = RMSNorm(headDim, eps: 1e-5)
        cross_attn_attn_gate = .zeros([1])
    }

    // ANCHOR: gated-cross-attention
    public static func imageRule(_ layout: TokenLayout) -> AttentionRule {
        // Where each image's placeholder is, and where the group of consecutive placeholders it
        // belongs to ends: the next placeholder after the group starts a new range.
        let placeholders = layout.indices.filter { layout[$0] == .image }  // [I]
        let ends = placeholders.map { start in
            var last = start
            while last + 1 < layout.count && layout[last + 1] == .image { last += 1 }
            return placeholders.first { $0 > last } ?? layout.count
        }
        // Text token q sees image m from its placeholder up to the next group of images.
        return AttentionRule { query, image in placeholders[image] <= query && query < ends[image] }
    }

    public func callAsFunction(_ x: Tensor, images: Tensor, layout: TokenLayout) -> (output: Tensor, weights: Tensor) {
        let (B, T, C) = (x.dim(0), x.dim(1), x.dim(2))
        let (I, N) = (images.dim(1), images.dim(2))
        let (H, D) = (numHeads, headDim)
        guard I > 0 else { return (x, .zeros([B, H, T, 0])) }  // no image: nothing to read

        // Queries from the text, keys and values from every image token; RMSNorm per head on q and k.
        let imageTokens = images.reshaped(B, I * N, C)                                       // [B, I·N, C]
        let q = q_norm(q_proj(input_layernorm(x)).reshaped(B, T, H, D).transposed(1, 2))      // [B, H, T, D]
        let k = k_norm(k_proj(imageTokens).reshaped(B, I * N, H, D).transposed(1, 2))         // [B, H, I·N, D]
        let v = v_proj(imageTokens).reshaped(B, I * N, H, D).transposed(1, 2)                 // [B, H, I·N, D]

        // The rule per image, spread over its N tokens. A row that sees no image would be all −∞
        // (NaN after softmax): it attends everywhere here, and its result is zeroed below.
        let hidden = Self.imageRule(layout).mask(queries: T, keys: I)                        // [T, I]
        let blind = Mask(shape: [T, 1]) { index in (0..<I).allSatisfy { hidden[index[0], $0] } }
        let mask = Mask(shape: [T, I * N]) { index in hidden[index[0], index[1] / N] && !blind[index[0], 0] }
        let (out, weights) = Pieces.attention(q: q, k: k, v: v, mask: mask)  // [B, H, T, D], [B, H, T, I·N]

        let attention = o_proj(out.transposed(1, 2).reshaped(B, T, C)).maskedFill(blind, 0)  // [B, T, C]
        return (x + cross_attn_attn_gate.tanh() * attention, weights.maskedFill(blind, 0))
    }
    // ANCHOR_END: gated-cross-attention
}
