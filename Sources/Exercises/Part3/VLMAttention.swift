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
        // let (B, T, C) = (x.dim(0), x.dim(1), x.dim(2))
        // let nTextTokens = T - nImageTokens

        // TODO: Project to Q, K, V and split the heads:
        // W_q(x): [B, T, C] -> reshaped(B, T, H, D) -> transposed(1, 2) -> [B, H, T, D]  (same for K, V)

        // TODO: Build the VLM mask with `Pieces.vlmMask(nImage:nText:)` ([T, T], broadcasts
        // over [B, H]) and run `Pieces.attention(q:k:v:mask:)` — your pieces from earlier.
        // weights: [B, H, T, T], out: [B, H, T, D]

        // TODO: Merge the heads ([B, H, T, D] -> transposed(1, 2) -> reshaped(B, T, C)) and apply W_o.
        todo("vlm-attention")
    }
    // ANCHOR_END: vlm-attention
}
