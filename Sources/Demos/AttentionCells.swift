import Contracts
import Figures
import TensorKit

/// The notebook's seeded attention demos, computed with the pieces the cell is given (the reference,
/// or the learner's once they pass) and drawn as the notebook's figures (lessons 1, 2, 3 and 5).
enum AttentionCells {
    static let all = [
        DemoCell("part1.causal-attention", uses: [.causalMask, .attention]) { out, pieces in
            let (CausalMask, ScaledDotProductAttention) = (pieces.causalMask, pieces.attention)
            // ANCHOR: part1.causal-attention
            manualSeed(42)
            let (batch, seqLen, dModel) = (1, 8, 64)
            let q = Tensor.randn([batch, seqLen, dModel])
            let k = Tensor.randn([batch, seqLen, dModel])
            let v = Tensor.randn([batch, seqLen, dModel])
            let mask = CausalMask.causalMask(seqLen: seqLen)
            let (_, weights) = ScaledDotProductAttention.attention(q: q, k: k, v: v, mask: mask)  // [1, 8, 8]

            out.print("upper triangle all zero:", weights.select(0, 0).triu(diagonal: 1).max() == 0)
            out.show(.causalAttention(weights: weights.select(0, 0).rows, seed: 42))
            // ANCHOR_END: part1.causal-attention
        },
        DemoCell("part2.vit-attention", uses: [.attention, .vitAttention]) { out, pieces in
            func ViTAttention(embedDim: Int, numHeads: Int) -> any ViTSelfAttention {
                pieces.vitAttention.init(embedDim: embedDim, numHeads: numHeads)
            }
            // ANCHOR: part2.vit-attention
            manualSeed(42)
            let (nPatches, embedDim, numHeads) = (16, 64, 4)   // a 4 × 4 grid of patches
            let attention = ViTAttention(embedDim: embedDim, numHeads: numHeads)
            let patchTokens = Tensor.randn([1, nPatches, embedDim])
            let (_, weights) = attention(patchTokens)          // [1, 4, 16, 16]

            out.print("smallest weight of head 0:", weights.select(0, 0).select(0, 0).min(), "(no zeros)")
            out.show(.vitAttention(headZero: weights.select(0, 0).select(0, 0).rows, seed: 42))
            // ANCHOR_END: part2.vit-attention
        },
        DemoCell("part3.vlm-attention", uses: [.attention, .vlmMask, .vlmAttention]) { out, pieces in
            func VLMAttention(dModel: Int, numHeads: Int) -> any VLMSelfAttention {
                pieces.vlmAttention.init(dModel: dModel, numHeads: numHeads)
            }
            // ANCHOR: part3.vlm-attention
            manualSeed(42)
            let (dModel, numHeads, nImage, nText) = (64, 4, 9, 6)
            let attention = VLMAttention(dModel: dModel, numHeads: numHeads)
            let imageTokens = Tensor.randn([1, nImage, dModel])
            let textTokens = Tensor.randn([1, nText, dModel])
            let combined = Tensor.cat([imageTokens, textTokens], axis: 1)   // [1, 15, 64]
            let (output, weights) = attention(combined, nImageTokens: nImage)

            out.print("output", output.shape, "weights", weights.shape)
            out.show(.vlmAttention(headMean: weights.select(0, 0).mean(axis: 0).rows, imageTokens: nImage, seed: 42))
            // ANCHOR_END: part3.vlm-attention
        },
        DemoCell("part5.attention-comparison", uses: [.causalMask, .attention, .vlmMask]) { out, pieces in
            let (CausalMask, ScaledDotProductAttention, VLMMask) = (pieces.causalMask, pieces.attention, pieces.vlmMask)
            // ANCHOR: part5.attention-comparison
            manualSeed(42)
            let (seqLen, dModel, nImage) = (12, 64, 6)
            let q = Tensor.randn([1, seqLen, dModel])
            let k = Tensor.randn([1, seqLen, dModel])
            let v = Tensor.randn([1, seqLen, dModel])
            func attentionWeights(_ mask: Mask?) -> [[Float]] {
                ScaledDotProductAttention.attention(q: q, k: k, v: v, mask: mask).weights.select(0, 0).rows
            }
            let llm = attentionWeights(CausalMask.causalMask(seqLen: seqLen))
            let vit = attentionWeights(nil)
            let vlm = attentionWeights(VLMMask.vlmMask(nImage: nImage, nText: seqLen - nImage))

            out.show(.comparison(llm: llm, vit: vit, vlm: vlm, imageTokens: nImage, seed: 42))
            // ANCHOR_END: part5.attention-comparison
        },
    ]
}
