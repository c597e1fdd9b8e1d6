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
        let inner = hiddenDim ?? llmDim
        var layers: [any Layer] = [Linear(visionDim, inner)]
        layers += [GELU(), Linear(inner, llmDim)]
        proj = Sequential(layers)
    }
    // ANCHOR_END: vision-projection

    /// Projects vision features to LLM space: `[B, N, vision]` → `[B, N, llm]`.
    public func callAsFunction(_ x: Tensor) -> Tensor { proj(x) }
}
