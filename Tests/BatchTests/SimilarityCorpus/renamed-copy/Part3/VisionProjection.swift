import Contracts
import TensorKit

/// Part 3 — the LLaVA projector: maps ViT features into the LLM's embedding space.
///
/// `Linear(vision, hidden) → GELU → Linear(hidden, llm)`: `[B, N, vision]` → `[B, N, llm]`.
/// `hiddenDim` defaults to `llmDim`.
public final class VisionProjection: VisionProjector {
    public let proj: Sequential

    // ANCHOR: vision-projection
    public init(visionDim inDim: Int, llmDim outDim: Int, hiddenDim mid: Int? = nil) {
        let h = mid ?? outDim
        proj = Sequential(Linear(inDim, h), GELU(), Linear(h, outDim))   // build in draw order
    }
    // ANCHOR_END: vision-projection

    /// Projects vision features to LLM space: `[B, N, vision]` → `[B, N, llm]`.
    public func callAsFunction(_ x: Tensor) -> Tensor { proj(x) }
}
