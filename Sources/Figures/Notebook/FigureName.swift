import Contracts

/// The notebook's figures, by their command-line names.
public enum FigureName: String, Sendable, CaseIterable {
    case causal
    case vit
    case vlmMask = "vlm-mask"
    case vlmAttention = "vlm-attention"
    case compare
    case clipLayers = "clip-layers"

    /// What the figure shows, for help text.
    public var summary: String {
        switch self {
        case .causal: return "Part 1: causal self-attention of 8 tokens"
        case .vit: return "Part 2: ViT bidirectional attention, head 0"
        case .vlmMask: return "Part 3: the VLM mask, 4 image + 4 text tokens"
        case .vlmAttention: return "Part 3: VLM attention, mean over heads, 9 image + 6 text"
        case .compare: return "Part 5: LLM, ViT and VLM side by side; the summary table"
        case .clipLayers: return "Part 4: CLIP attention across layers (needs --model DIR, a CLIP checkpoint)"
        }
    }

    /// Computes the figure's data with `pieces` (the reference solutions or the learner's code).
    /// - Throws: `FigureError.needsCLIPCheckpoint` for `clipLayers`, whose data comes from a checkpoint;
    ///   `FigureError.unexpectedShape` when a piece returns the wrong shape.
    public func figure(seed: UInt64, using pieces: Implementations) throws(FigureError) -> Figure {
        switch self {
        case .causal: return try .causalAttention(seed: seed, using: pieces)
        case .vit: return try .vitAttention(seed: seed, using: pieces)
        case .vlmMask: return try .vlmMaskStructure(using: pieces)
        case .vlmAttention: return try .vlmAttention(seed: seed, using: pieces)
        case .compare: return try .comparison(seed: seed, using: pieces)
        case .clipLayers: throw .needsCLIPCheckpoint
        }
    }
}
