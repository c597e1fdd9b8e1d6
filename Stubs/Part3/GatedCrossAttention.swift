import Contracts
import TensorKit

/// Part 3b — Llama 3.2 Vision's gated cross-attention: text queries read image keys and values.
///
/// `x` `[B, T, C]`, `images` `[B, I, N, C]` → `h = input_layernorm(x)` → `q = q_norm(q_proj(h))`
/// `[B, H, T, D]`, `k = k_norm(k_proj(images))`, `v = v_proj(images)` `[B, H, I·N, D]` → weights
/// `[B, H, T, I·N]` (images a token may not see masked) → `o_proj(weights·v)` `[B, T, C]` →
/// `x + tanh(gate) · attention`. A text row that sees no image returns `x` unchanged.
public final class GatedCrossAttention: GatedCrossAttentionLayer {
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
        // TODO: Find the placeholders: the positions of `.image` in the layout, one per image.

        // TODO: For each image, where its range ends: at the first placeholder that comes after its
        // group of consecutive placeholders, or at the end of the layout.

        // TODO: Text token `query` sees image `image` from that image's placeholder (inclusive) up
        // to the end of its range (exclusive).
        todo("gated-cross-attention")
    }

    public func callAsFunction(_ x: Tensor, images: Tensor, layout: TokenLayout) -> (output: Tensor, weights: Tensor) {
        // let (B, T, C) = (x.dim(0), x.dim(1), x.dim(2))
        // let (I, N) = (images.dim(1), images.dim(2))

        // TODO: No image at all (I == 0): return x unchanged and weights of shape [B, H, T, 0].

        // TODO: q from input_layernorm(x): q_proj → [B, T, H, D] → transposed(1, 2) → q_norm (over D).
        // k and v from the image tokens, images.reshaped(B, I * N, C): k_proj/v_proj → [B, H, I·N, D],
        // and k_norm on k.

        // TODO: The mask [T, I·N]: Self.imageRule(layout).mask(queries: T, keys: I) gives [T, I]
        // (true = hidden); image m covers keys m·N ..< (m + 1)·N. A row that sees no image would be
        // all −∞, and softmax makes that NaN: keep such rows unmasked and zero their results.

        // TODO: Pieces.attention(q:k:v:mask:), merge the heads to [B, T, C], o_proj; zero the rows
        // that see no image (output and weights), and return x + tanh(cross_attn_attn_gate) · attention.
        todo("gated-cross-attention")
    }
    // ANCHOR_END: gated-cross-attention
}
