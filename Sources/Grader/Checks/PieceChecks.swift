import Contracts

/// The checks of each piece.
public enum PieceChecks {
    public static func checks(for piece: PieceID) -> [Check] {
        switch piece {
        case .causalMask: CausalMaskChecks.checks
        case .attention: AttentionChecks.checks
        case .patchEmbedding: PatchEmbeddingChecks.checks
        case .vitAttention: ViTAttentionChecks.checks
        case .vlmMask: VLMMaskChecks.checks
        case .visionProjection: VisionProjectionChecks.checks
        case .vlmAttention: VLMAttentionChecks.checks
        // Part 3, lesson 3b: the masks real VLMs use.
        case .imageBlockMask: ImageBlockMaskChecks.checks
        case .prefixLMMask: PrefixLMMaskChecks.checks
        case .slidingWindowMask: SlidingWindowMaskChecks.checks
        case .gatedCrossAttention: GatedCrossAttentionChecks.checks
        }
    }

    /// The checks of the piece with id `id` as read from a file (a rubric, a gradebook): none for an
    /// id the catalog does not know.
    public static func checks(forID id: String) -> [Check] { PieceID(rawValue: id).map(checks(for:)) ?? [] }
}
