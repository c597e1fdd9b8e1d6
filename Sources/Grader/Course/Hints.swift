import Contracts

/// Tiered hints: each `vlm-course hint ID` reveals the next level, from a nudge to nearly the answer.
public enum Hints {
    public static func levels(for piece: PieceID) -> [String] {
        switch piece {
        case .causalMask: [
            "Token i may look at tokens 0…i. Which positions (i, j) must be masked (true)?",
            "Masked exactly when j > i: the strict upper triangle, above the diagonal.",
            "TensorKit has it: Mask.upperTriangle(rows, cols, diagonal: d) is true where j − i ≥ d, like torch.triu.",
            "return Mask.upperTriangle(seqLen, seqLen, diagonal: 1)",
        ]
        case .attention: [
            "Four steps: scores = q·kᵀ, scale by 1/√D, mask, softmax over the keys; then weights·v.",
            "k.transposed() swaps the last two axes, so q.matmul(k.transposed()) is [..., Tq, Tk]. Divide by Float(D).squareRoot().",
            "Masked scores must become −∞ so softmax gives them exactly 0: scores.maskedFill(mask, -.infinity).",
            "let weights = scores.softmax(axis: -1); return (weights.matmul(v), weights)",
        ]
        case .patchEmbedding: [
            "A Conv2d whose kernel and stride both equal the patch size sees each patch exactly once.",
            "proj = Conv2d(inChannels, embedDim, kernelSize: patchSize, stride: patchSize)",
            "proj(x) is [B, C, height/P, width/P]; flattened(from: 2) makes it [B, C, N].",
            "return proj(x).flattened(from: 2).transposed(1, 2)  // [B, N, C]",
        ]
        case .vitAttention: [
            "qkv(x) is [B, N, 3C]; view it as [B, N, 3, H, D] and move the 3 to the front.",
            "permuted(2, 0, 3, 1, 4) gives [3, B, H, N, D]; q = qkv.select(0, 0), and so on.",
            "Pieces.attention(q: q, k: k, v: v, mask: nil) returns out [B, H, N, D] and weights [B, H, N, N].",
            "out.transposed(1, 2).reshaped(B, N, C), then proj(…); return it with the weights.",
        ]
        case .vlmMask: [
            "Draw the (I+T)×(I+T) grid: rows are queries, columns keys. Which of the four blocks hold ones?",
            "Top-right (image rows, text columns) is all true; bottom-right (text × text) is causal.",
            "var mask = Mask(repeating: false, shape: [total, total]); then set mask[i, j] = true in two loops.",
            "for i in 0..<nImage { for j in nImage..<total { mask[i, j] = true } }; "
                + "for i in nImage..<total { for j in (i + 1)..<total { mask[i, j] = true } }",
        ]
        case .visionProjection: [
            "The projector is a two-layer MLP; nn.Sequential is Sequential in TensorKit.",
            "The hidden size is hiddenDim ?? llmDim.",
            "Create the layers in PyTorch's order (the seeded weights depend on it): Linear, GELU, Linear.",
            "proj = Sequential(Linear(visionDim, hidden), GELU(), Linear(hidden, llmDim))",
        ]
        case .vlmAttention: [
            "It is multi-head attention with a mask; the mask comes from Pieces.vlmMask(nImage:nText:).",
            "Per projection: W_q(x).reshaped(B, T, numHeads, headDim).transposed(1, 2) gives [B, H, T, D].",
            "The [T, T] mask broadcasts over [B, H]: Pieces.attention(q: q, k: k, v: v, mask: mask).",
            "Merge heads with out.transposed(1, 2).reshaped(B, T, C) and return (W_o(merged), weights).",
        ]
        // Part 3, lesson 3b: the masks real VLMs use.
        case .imageBlockMask: [
            "Gemma 3 allows a pair when the causal rule allows it OR both tokens are in the same image.",
            "An image is a maximal run of .image: ttiiitiitt holds two images, because the text token at 5 ends the first.",
            "Give each token a block number (-1 for text, 0, 1, … per image, a new number when an image token follows a "
                + "non-image); then AttentionRule { q, k in block[q] >= 0 && block[q] == block[k] }.",
            "return .causal || AttentionRule { query, key in block[query] >= 0 && block[query] == block[key] }",
        ]
        case .prefixLMMask: [
            "PaliGemma's prefix is every image and prompt token; the answer (.text) is generated, so it stays causal.",
            "A pair is allowed when the causal rule allows it OR both tokens are in the prefix.",
            "let inPrefix = layout.map { $0 != .text } gives [Bool] per token; capture it in the predicate.",
            "return .causal || AttentionRule { query, key in inPrefix[query] && inPrefix[key] }",
        ]
        case .slidingWindowMask: [
            "A window of w holds the query and the w − 1 tokens before it: with w = 1 a token sees only itself.",
            "The window alone is AttentionRule { q, k in k > q - window }; Mistral ANDs it with .causal.",
            "The window looks back from the query only: for Gemma 3's local layers AND it with "
                + "Pieces.imageBlockRule(layout), so an image still sees its own later tokens.",
            "slidingWindowRule: .causal && AttentionRule { q, k in k > q - window }; "
                + "localImageRule: AttentionRule { q, k in k > q - window } && Pieces.imageBlockRule(layout)",
        ]
        case .gatedCrossAttention: [
            "Two parts: which images each text token sees (imageRule), and the attention layer that reads them.",
            "imageRule: token q sees image m when m's placeholder is at or before q and no later group of placeholders "
                + "starts between them; consecutive placeholders (ii) form one group whose images all stay visible.",
            "The layer: h = input_layernorm(x); q = q_norm(q_proj(h) as [B, H, T, D]); k = k_norm(k_proj(images) as "
                + "[B, H, I·N, D]); the [T, I] rule mask, repeated N times per image, masks the scores.",
            "A row that sees no image: unmask it for Pieces.attention, then maskedFill its output and weights with 0; "
                + "return (x + cross_attn_attn_gate.tanh() * o_proj(merged), weights).",
        ]
        }
    }
}
