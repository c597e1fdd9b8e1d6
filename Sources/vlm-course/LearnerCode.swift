import Contracts
import Exercises

/// The learner's seven implementations: the one place that names the `Exercises` types.
enum LearnerCode {
    static var implementations: Implementations {
        Implementations(causalMask: CausalMask.self, attention: ScaledDotProductAttention.self,
                        patchEmbedding: PatchEmbedding.self, vitAttention: ViTAttention.self,
                        vlmMask: VLMMask.self, visionProjection: VisionProjection.self,
                        vlmAttention: VLMAttention.self)
    }
}
