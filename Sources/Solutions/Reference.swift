import Contracts

/// The reference solutions, as one set of implementations.
public enum Reference {
    public static var implementations: Implementations {
        Implementations(CausalMask.self, ScaledDotProductAttention.self, PatchEmbedding.self, ViTAttention.self,
                        VLMMask.self, VisionProjection.self, VLMAttention.self,
                        // Part 3, lesson 3b: the masks real VLMs use.
                        ImageBlockMask.self, PrefixLMMask.self, SlidingWindowMask.self, GatedCrossAttention.self)
    }

    /// Points `Pieces` at the reference (the grader's own process runs only reference code). Done
    /// once per process, so judges on several threads never write it concurrently.
    public static func activate() { _ = activation }

    private static let activation: Void = { Pieces.current = implementations }()
}
