import Contracts
import Solutions

/// The reference solutions as one set of implementations: what figures are computed with unless
/// the learner asks for their own code.
enum ReferenceSolutions {
    static var implementations: Implementations {
        Implementations(causalMask: CausalMask.self, attention: ScaledDotProductAttention.self,
                        patchEmbedding: PatchEmbedding.self, vitAttention: ViTAttention.self,
                        vlmMask: VLMMask.self, visionProjection: VisionProjection.self,
                        vlmAttention: VLMAttention.self)
    }
}
