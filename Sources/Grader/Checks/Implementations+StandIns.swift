import Contracts
import Solutions

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
