import TensorKit

/// The seven implementations one course run uses: the learner's, or the reference standing in.
public struct Implementations {
    public var causalMask: any CausalMaskBuilder.Type
    public var attention: any AttentionFunction.Type
    public var patchEmbedding: any PatchEmbedder.Type
    public var vitAttention: any ViTSelfAttention.Type
    public var vlmMask: any VLMMaskBuilder.Type
    public var visionProjection: any VisionProjector.Type
    public var vlmAttention: any VLMSelfAttention.Type

    public init(causalMask: any CausalMaskBuilder.Type, attention: any AttentionFunction.Type,
                patchEmbedding: any PatchEmbedder.Type, vitAttention: any ViTSelfAttention.Type,
                vlmMask: any VLMMaskBuilder.Type, visionProjection: any VisionProjector.Type,
                vlmAttention: any VLMSelfAttention.Type) {
        self.causalMask = causalMask
        self.attention = attention
        self.patchEmbedding = patchEmbedding
        self.vitAttention = vitAttention
        self.vlmMask = vlmMask
        self.visionProjection = visionProjection
        self.vlmAttention = vlmAttention
    }
}

/// How one piece calls another. Call these instead of naming another piece's type: the grader
/// points them at your code when that piece passes and at the reference solution when it does not,
/// so each piece is graded on its own.
public enum Pieces {
    /// Set once per process by the program that runs course code (the CLI, the grader's child).
    nonisolated(unsafe) public static var current: Implementations?

    static var wired: Implementations {
        guard let current else {
            preconditionFailure("Pieces.current is not set: the program must choose implementations first")
        }
        return current
    }

    /// The causal mask `[T, T]` (true = masked).
    public static func causalMask(seqLen: Int) -> Mask { wired.causalMask.causalMask(seqLen: seqLen) }

    /// Scaled dot-product attention; see `AttentionFunction`.
    public static func attention(q: Tensor, k: Tensor, v: Tensor, mask: Mask?) -> (output: Tensor, weights: Tensor) {
        wired.attention.attention(q: q, k: k, v: v, mask: mask)
    }

    /// The VLM mask `[I + T, I + T]` (true = masked).
    public static func vlmMask(nImage: Int, nText: Int) -> Mask { wired.vlmMask.vlmMask(nImage: nImage, nText: nText) }
}
