/// The checks of each piece, by catalog id.
public enum PieceChecks {
    public static func checks(for id: String) -> [Check] {
        switch id {
        case "causal-mask": CausalMaskChecks.checks
        case "scaled-dot-product-attention": AttentionChecks.checks
        case "patch-embedding": PatchEmbeddingChecks.checks
        case "vit-attention": ViTAttentionChecks.checks
        case "vlm-mask": VLMMaskChecks.checks
        case "vision-projection": VisionProjectionChecks.checks
        case "vlm-attention": VLMAttentionChecks.checks
        default: []
        }
    }
}
