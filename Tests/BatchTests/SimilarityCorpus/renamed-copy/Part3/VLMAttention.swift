import Contracts
import TensorKit

/// Part 3 — multi-head self-attention over `[image tokens, text tokens]` with the VLM mask.
///
/// `x` `[B, T, C]` → `W_q, W_k, W_v` → `[B, H, T, D]` each → scores `[B, H, T, T]` masked with
/// the VLM mask → softmax → `·V` `[B, H, T, D]` → `[B, T, C]` → `W_o`. `D = C / H`.
public final class VLMAttention: VLMSelfAttention {
    public let dModel: Int
    public let numHeads: Int
    public let headDim: Int
    public let W_q: Linear
    public let W_k: Linear
    public let W_v: Linear
    public let W_o: Linear

    public init(dModel: Int, numHeads: Int) {
        self.dModel = dModel
        self.numHeads = numHeads
        self.headDim = dModel / numHeads
        W_q = Linear(dModel, dModel, bias: false)
        W_k = Linear(dModel, dModel, bias: false)
        W_v = Linear(dModel, dModel, bias: false)
        W_o = Linear(dModel, dModel, bias: false)
    }

    // ANCHOR: vlm-attention
    public func callAsFunction(_ input: Tensor, nImageTokens nImg: Int) -> (output: Tensor, weights: Tensor) {
        let (bs, len, width) = (input.dim(0), input.dim(1), input.dim(2))
        let nTxt = len - nImg
        func split(_ y: Tensor) -> Tensor {
            y.reshaped(bs, len, numHeads, headDim).transposed(1, 2)
        }
        let query = split(W_q(input)), key = split(W_k(input)), value = split(W_v(input))
        /* image sees image only, text sees image + its past */
        let m = Pieces.vlmMask(nImage: nImg, nText: nTxt)
        let (ctx, attn) = Pieces.attention(q: query, k: key, v: value, mask: m)
        let joined = ctx.transposed(1, 2).reshaped(bs, len, width)
        return (W_o(joined), attn)
    }
    // ANCHOR_END: vlm-attention
}
