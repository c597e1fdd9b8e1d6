import TensorKit

// Part 3, lesson 3b: the masks real VLMs use. Each mask piece returns an `AttentionRule` for a
// `TokenLayout`; the course materialises it (`rule.mask(length:)`, true = masked).

/// `image-block-mask` — Gemma 3's global layers: causal, OR both tokens in the same image.
///
/// An image is a maximal run of `i` in the layout: a text token between two runs makes them two
/// images. `allows(q, k) = k ≤ q || (q and k are in the same image)`. Mask `[T, T]`.
public protocol ImageBlockMaskBuilder {
    static func imageBlockRule(_ layout: TokenLayout) -> AttentionRule
}

/// `prefix-lm-mask` — PaliGemma's prefix-LM: every `i` and `p` token (the image and the prompt) is
/// in one prefix that attends both ways; the answer (`t`) is causal and sees the whole prefix before it.
///
/// `allows(q, k) = k ≤ q || (q and k are both prefix tokens)`. Mask `[T, T]`.
public protocol PrefixLMMaskBuilder {
    static func prefixLMRule(_ layout: TokenLayout) -> AttentionRule
}

/// `sliding-window-mask` — a window of `window` tokens: a query sees itself and the `window − 1`
/// tokens before it (`k > q − window`).
/// - `slidingWindowRule` is Mistral's: `k ≤ q && k > q − window`.
/// - `localImageRule` is Gemma 3's local layers: `k > q − window && imageBlockRule(layout)`, with
///   `Pieces.imageBlockRule`. The window only limits how far back a query looks, so an image token
///   still sees the later tokens of its own image.
public protocol SlidingWindowMaskBuilder {
    static func slidingWindowRule(window: Int) -> AttentionRule
    static func localImageRule(_ layout: TokenLayout, window: Int) -> AttentionRule
}

/// `gated-cross-attention` — Llama 3.2 Vision's gated cross-attention (transformers'
/// `MllamaTextCrossAttention` inside the attention branch of `MllamaCrossAttentionDecoderLayer`).
///
/// - `x` `[B, T, C]`: the text states; `layout`: one letter per text token, `i` = an `<|image|>`
///   placeholder, each one image.
/// - `images` `[B, I, N, C]`: `I` images of `N` vision tokens each (transformers'
///   `cross_attention_states` `[B, I·N, C]`, split per image).
/// - `h = input_layernorm(x)`; `q = q_norm(q_proj(h))`, `k = k_norm(k_proj(images))`, `v = v_proj(images)`,
///   each `[B, H, ·, D]` with `D = C / H` (as many key/value heads as query heads; `q_norm` and
///   `k_norm` are RMSNorms over `D`, per head); `weights = softmax(q·kᵀ/√D)` `[B, H, T, I·N]` with
///   the images `imageRule` hides masked; `attention = o_proj(weights·v)` `[B, T, C]`.
/// - Returns `x + tanh(cross_attn_attn_gate) · attention` and the weights. A text row that sees no
///   image returns its input unchanged and has all-zero weights.
public protocol GatedCrossAttentionLayer: AnyObject {
    /// Which images each text token sees (Mllama's processor, `get_cross_attention_token_mask`):
    /// `allows(q, m)` for text token `q` and image `m` (images numbered in placeholder order).
    static func imageRule(_ layout: TokenLayout) -> AttentionRule

    /// Bias-free `Linear(C, C)` projections, RMSNorm(C) before them and RMSNorm(D) per head; the
    /// gate starts at 0, as in transformers (which makes the layer the identity).
    init(hiddenSize: Int, numHeads: Int)
    var input_layernorm: RMSNorm { get }
    var q_proj: Linear { get }
    var k_proj: Linear { get }
    var v_proj: Linear { get }
    var o_proj: Linear { get }
    var q_norm: RMSNorm { get }
    var k_norm: RMSNorm { get }
    /// `[1]`: the attention branch is scaled by `tanh` of it.
    var cross_attn_attn_gate: Tensor { get set }
    var numHeads: Int { get }

    func callAsFunction(_ x: Tensor, images: Tensor, layout: TokenLayout) -> (output: Tensor, weights: Tensor)
}
