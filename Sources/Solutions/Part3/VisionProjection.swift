import Contracts
import TensorKit

/// Part 3 — the LLaVA projector: maps ViT features into the LLM's embedding space.
///
/// `Linear(vision, hidden) → GELU → Linear(hidden, llm)`: `[B, N, vision]` → `[B, N, llm]`.
/// `hiddenDim` defaults to `llmDim`.
public class VisionProjection {
    public let proj: Sequential

    // ANCHOR: vision-projection
    public init(visionDim: Int, llmDim: Int, hiddenDim: Int? = nil) {
        let hidden = hiddenDim ?? llmDim
        // The order of construction is the order of random draws: PyTorch builds proj.0 first.
        proj = Sequential(
            Linear(visionDim, hidden),  // proj.0: [B, N, vision] -> [B, N, hidden]
            GELU(),                     // proj.1: the non-linearity that makes it more than one matrix
            Linear(hidden, llmDim)      // proj.2: [B, N, hidden] -> [B, N, llm]
        )
    }
    // ANCHOR_END: vision-projection

    /// Projects vision features to LLM space: `[B, N, vision]` → `[B, N, llm]`.
    public func callAsFunction(_ x: Tensor) -> Tensor { proj(x) }
}
