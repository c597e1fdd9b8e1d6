import Contracts
import TensorKit

/// The reference solutions, as one set of implementations.
///
/// The reference types themselves do not conform to the pieces' protocols: the conformances belong to
/// the private types below, which the Swift runtime cannot find by name (`_typeByName`,
/// `NSClassFromString` and mangled names resolve only types with a name outside any private or local
/// context). So a student's code, running in a process that contains the reference as stand-ins for
/// other pieces, cannot look a reference up and call it as its own piece.
public enum Reference {
    public static var implementations: Implementations {
        Implementations(ReferenceCausalMask.self, ReferenceAttention.self, ReferencePatchEmbedding.self,
                        ReferenceViTAttention.self, ReferenceVLMMask.self, ReferenceVisionProjection.self,
                        ReferenceVLMAttention.self,
                        // Part 3, lesson 3b: the masks real VLMs use.
                        ReferenceImageBlockMask.self, ReferencePrefixLMMask.self, ReferenceSlidingWindowMask.self,
                        ReferenceGatedCrossAttention.self)
    }

    /// Points `Pieces` at the reference (the grader's own process runs only reference code). Done
    /// once per process, so judges on several threads never write it concurrently.
    public static func activate() { _ = activation }

    private static let activation: Void = { Pieces.install(implementations) }()
}

private enum ReferenceCausalMask: CausalMaskBuilder {
    static func causalMask(seqLen: Int) -> Mask { CausalMask.causalMask(seqLen: seqLen) }
}

private enum ReferenceAttention: AttentionFunction {
    static func attention(q: Tensor, k: Tensor, v: Tensor, mask: Mask?) -> (output: Tensor, weights: Tensor) {
        ScaledDotProductAttention.attention(q: q, k: k, v: v, mask: mask)
    }
}

private final class ReferencePatchEmbedding: PatchEmbedding, PatchEmbedder {}

private final class ReferenceViTAttention: ViTAttention, ViTSelfAttention {}

private enum ReferenceVLMMask: VLMMaskBuilder {
    static func vlmMask(nImage: Int, nText: Int) -> Mask { VLMMask.vlmMask(nImage: nImage, nText: nText) }
}

private final class ReferenceVisionProjection: VisionProjection, VisionProjector {}

private final class ReferenceVLMAttention: VLMAttention, VLMSelfAttention {}

// Part 3, lesson 3b: the masks real VLMs use.

private enum ReferenceImageBlockMask: ImageBlockMaskBuilder {
    static func imageBlockRule(_ layout: TokenLayout) -> AttentionRule { ImageBlockMask.imageBlockRule(layout) }
}

private enum ReferencePrefixLMMask: PrefixLMMaskBuilder {
    static func prefixLMRule(_ layout: TokenLayout) -> AttentionRule { PrefixLMMask.prefixLMRule(layout) }
}

private enum ReferenceSlidingWindowMask: SlidingWindowMaskBuilder {
    static func slidingWindowRule(window: Int) -> AttentionRule { SlidingWindowMask.slidingWindowRule(window: window) }
    static func localImageRule(_ layout: TokenLayout, window: Int) -> AttentionRule {
        SlidingWindowMask.localImageRule(layout, window: window)
    }
}

private final class ReferenceGatedCrossAttention: GatedCrossAttention, GatedCrossAttentionLayer {}
