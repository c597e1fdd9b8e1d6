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
    public func callAsFunction(_ x: Tensor, nImageTokens: Int) -> (output: Tensor, weights: Tensor) {
        let b = x.dim(0), t = x.dim(1)
        let split: (Tensor) -> Tensor = { $0.reshaped([b, t, self.numHeads, self.headDim]).permuted([0, 2, 1, 3]) }
        let blocked = Pieces.vlmMask(nImage: nImageTokens, nText: t - nImageTokens)
        let attended = Pieces.attention(q: split(W_q(x)), k: split(W_k(x)), v: split(W_v(x)), mask: blocked)
        let joined = attended.output.permuted([0, 2, 1, 3]).reshaped([b, t, dModel])
        return (output: W_o(joined), weights: attended.weights)
    }
    // ANCHOR_END: vlm-attention
}
