import Contracts
import Solutions

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

extension Implementations {
    /// These implementations with the pieces in `ids` taken from `other` (the reference standing in).
    public func replacing(_ ids: some Sequence<String>, from other: Implementations) -> Implementations {
        var result = self
        for id in ids {
            switch id {
            case "causal-mask": result.causalMask = other.causalMask
            case "scaled-dot-product-attention": result.attention = other.attention
            case "patch-embedding": result.patchEmbedding = other.patchEmbedding
            case "vit-attention": result.vitAttention = other.vitAttention
            case "vlm-mask": result.vlmMask = other.vlmMask
            case "vision-projection": result.visionProjection = other.visionProjection
            case "vlm-attention": result.vlmAttention = other.vlmAttention
            default: continue
            }
        }
        return result
    }
}
