import Contracts
import TensorKit

/// Part 3 — multi-head self-attention over `[image tokens, text tokens]` with the VLM mask.
///
/// `x` `[B, T, C]` → `W_q, W_k, W_v` → `[B, H, T, D]` each → scores `[B, H, T, T]` masked with
/// the VLM mask → softmax → `·V` `[B, H, T, D]` → `[B, T, C]` → `W_o`. `D = C / H`.
public class VLMAttention {
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
    public func callAsFunction(_ x: Tensor, nImageTokens: Int) -> (output: Tensor, weights: Tensor) {
        let (B, T, C) = (x.dim(0), x.dim(1), x.dim(2))
        let nTextTokens = T - nImageTokens

        // Each head works on its own D-wide slice of the projections.
        func heads(_ t: Tensor) -> Tensor {
            t.reshaped(B, T, numHeads, headDim)  // [B, T, H, D]
                .transposed(1, 2)                // [B, H, T, D]
        }
        let q = heads(W_q(x)), k = heads(W_k(x)), v = heads(W_v(x))  // [B, H, T, D] each

        // The same [T, T] mask for every batch item and head: image tokens see only the image,
        // text tokens see the image and earlier text.
        let mask = Pieces.vlmMask(nImage: nImageTokens, nText: nTextTokens)  // [T, T]
        let (out, weights) = Pieces.attention(q: q, k: k, v: v, mask: mask)   // [B, H, T, D], [B, H, T, T]

        let merged = out.transposed(1, 2)  // [B, T, H, D]
            .reshaped(B, T, C)             // [B, T, C]
        return (W_o(merged), weights)
    }
    // ANCHOR_END: vlm-attention
}
