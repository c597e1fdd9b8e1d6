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
        let (batch, length) = (x.dim(0), x.dim(1))
        var projections: [Tensor] = []
        for layer in [W_q, W_k, W_v] {
            projections.append(layer(x).reshaped(batch, length, numHeads, headDim).transposed(1, 2))
        }
        let textCount = length - nImageTokens
        let (context, attention) = Pieces.attention(q: projections[0], k: projections[1], v: projections[2],
                                                    mask: Pieces.vlmMask(nImage: nImageTokens, nText: textCount))
        let flat = context.transposed(1, 2).reshaped(batch, length, numHeads * headDim)
        return (W_o(flat), attention)
    }
    // ANCHOR_END: vlm-attention
}
