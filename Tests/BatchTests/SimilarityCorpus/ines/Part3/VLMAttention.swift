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
        let tokens = x.dim(1)
        let mask = Pieces.vlmMask(nImage: nImageTokens, nText: tokens - nImageTokens)
        let queries = W_q(x), keys = W_k(x), values = W_v(x)
        var outs: [Tensor] = [], maps: [Tensor] = []
        for head in 0..<numHeads {
            let cols = (head * headDim)..<((head + 1) * headDim)
            let (o, w) = Pieces.attention(q: queries.slice(2, cols), k: keys.slice(2, cols),
                                          v: values.slice(2, cols), mask: mask)
            outs.append(o)
            maps.append(w)
        }
        return (W_o(Tensor.cat(outs, axis: 2)), Tensor.stack(maps, axis: 1))
    }
    // ANCHOR_END: vlm-attention
}
