import Contracts

/// The reference solutions, as one set of implementations.
public enum Reference {
    public static var implementations: Implementations {
        Implementations(causalMask: CausalMask.self, attention: ScaledDotProductAttention.self,
                        patchEmbedding: PatchEmbedding.self, vitAttention: ViTAttention.self,
                        vlmMask: VLMMask.self, visionProjection: VisionProjection.self,
                        vlmAttention: VLMAttention.self)
    }

    /// Points `Pieces` at the reference (the grader's own process runs only reference code). Done
    /// once per process, so judges on several threads never write it concurrently.
    public static func activate() { _ = activation }

    private static let activation: Void = { Pieces.current = implementations }()
}
