import Contracts
import TensorKit

/// Part 3 — the LLaVA projector: maps ViT features into the LLM's embedding space.
///
/// `Linear(vision, hidden) → GELU → Linear(hidden, llm)`: `[B, N, vision]` → `[B, N, llm]`.
/// `hiddenDim` defaults to `llmDim`.
public final class VisionProjection: VisionProjector {
    public let proj: Sequential

    // ANCHOR: vision-projection
    public init(visionDim: Int, llmDim: Int, hiddenDim: Int? = nil) {
        let width: Int
        if let hiddenDim { width = hiddenDim } else { width = llmDim }
        let up = Linear(visionDim, width)
        let act = GELU(approximate: .none)
        let down = Linear(width, llmDim)
        proj = Sequential([up, act, down])
    }
    // ANCHOR_END: vision-projection

    /// Projects vision features to LLM space: `[B, N, vision]` → `[B, N, llm]`.
    public func callAsFunction(_ x: Tensor) -> Tensor { proj(x) }
}
