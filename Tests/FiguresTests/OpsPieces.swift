import Contracts
import TensorKit

/// The notebook's pieces written directly with TensorKit ops, so figure data can be checked
/// against the PyTorch fixtures independently of any implementation under test.
enum OpsPieces: CausalMaskBuilder, AttentionFunction, VLMMaskBuilder {
    static func causalMask(seqLen: Int) -> Mask { Mask.upperTriangle(seqLen, seqLen, diagonal: 1) }

    static func attention(q: Tensor, k: Tensor, v: Tensor, mask: Mask?) -> (output: Tensor, weights: Tensor) {
        var scores = q.matmul(k.transposed()) / Float(q.dim(-1)).squareRoot()
        if let mask { scores = scores.maskedFill(mask, -.infinity) }
        let weights = scores.softmax()
        return (weights.matmul(v), weights)
    }

    static func vlmMask(nImage: Int, nText: Int) -> Mask {
        Mask(shape: [nImage + nText, nImage + nText]) { i in i[1] >= nImage && (i[0] < nImage || i[1] > i[0]) }
    }

    static var implementations: Implementations {
        Implementations(
            causalMask: OpsPieces.self, attention: OpsPieces.self, patchEmbedding: OpsPatchEmbedding.self,
            vitAttention: OpsViTAttention.self, vlmMask: OpsPieces.self, visionProjection: OpsVisionProjection.self,
            vlmAttention: OpsVLMAttention.self)
    }
}

final class OpsViTAttention: ViTSelfAttention {
    let qkv: Linear, proj: Linear, numHeads: Int
    init(embedDim: Int, numHeads: Int) {
        (qkv, proj, self.numHeads) = (Linear(embedDim, 3 * embedDim), Linear(embedDim, embedDim), numHeads)
    }

    func callAsFunction(_ x: Tensor) -> (output: Tensor, weights: Tensor) {
        let (B, N, C) = (x.dim(0), x.dim(1), x.dim(2))
        let parts = qkv(x).reshaped(B, N, 3, numHeads, C / numHeads).permuted(2, 0, 3, 1, 4)
        let (out, weights) = OpsPieces.attention(q: parts.select(0, 0), k: parts.select(0, 1), v: parts.select(0, 2),
                                                 mask: nil)
        return (proj(out.transposed(1, 2).reshaped(B, N, C)), weights)
    }
}

final class OpsVLMAttention: VLMSelfAttention {
    let W_q: Linear, W_k: Linear, W_v: Linear, W_o: Linear, numHeads: Int
    init(dModel: Int, numHeads: Int) {
        (W_q, W_k) = (Linear(dModel, dModel, bias: false), Linear(dModel, dModel, bias: false))
        (W_v, W_o) = (Linear(dModel, dModel, bias: false), Linear(dModel, dModel, bias: false))
        self.numHeads = numHeads
    }

    func callAsFunction(_ x: Tensor, nImageTokens: Int) -> (output: Tensor, weights: Tensor) {
        let (B, T, C) = (x.dim(0), x.dim(1), x.dim(2))
        func heads(_ t: Tensor) -> Tensor { t.reshaped(B, T, numHeads, C / numHeads).transposed(1, 2) }
        let mask = OpsPieces.vlmMask(nImage: nImageTokens, nText: T - nImageTokens)
        let (out, weights) = OpsPieces.attention(q: heads(W_q(x)), k: heads(W_k(x)), v: heads(W_v(x)), mask: mask)
        return (W_o(out.transposed(1, 2).reshaped(B, T, C)), weights)
    }
}

final class OpsPatchEmbedding: PatchEmbedder {
    let proj: Conv2d, nPatches: Int
    init(imgSize: Int, patchSize: Int, inChannels: Int, embedDim: Int) {
        proj = Conv2d(inChannels, embedDim, kernelSize: patchSize, stride: patchSize)
        nPatches = (imgSize / patchSize) * (imgSize / patchSize)
    }

    func callAsFunction(_ x: Tensor) -> Tensor { proj(x).flattened(from: 2).transposed(1, 2) }
}

final class OpsVisionProjection: VisionProjector {
    let proj: Sequential
    init(visionDim: Int, llmDim: Int, hiddenDim: Int?) {
        proj = Sequential(Linear(visionDim, hiddenDim ?? llmDim), GELU(), Linear(hiddenDim ?? llmDim, llmDim))
    }

    func callAsFunction(_ x: Tensor) -> Tensor { proj(x) }
}
