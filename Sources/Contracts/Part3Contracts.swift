import TensorKit

/// Part 3 — `vlm-mask`: the prefix-style VLM mask over `[image tokens, text tokens]`.
///
/// Image→image visible (bidirectional), image→text masked, text→image visible, text→text causal.
/// Shape `[I + T, I + T]`, true = masked.
public protocol VLMMaskBuilder {
    static func vlmMask(nImage: Int, nText: Int) -> Mask
}

/// Part 3 — `vision-projection`: the LLaVA projector, `Linear(vision, hidden) → GELU → Linear(hidden, llm)`.
///
/// `[B, N, vision]` → `[B, N, llm]`; `hiddenDim` defaults to `llmDim`.
public protocol VisionProjector: AnyObject {
    init(visionDim: Int, llmDim: Int, hiddenDim: Int?)
    /// `Sequential(Linear, GELU, Linear)` (PyTorch's `proj.0`, `proj.1`, `proj.2`).
    var proj: Sequential { get }
    func callAsFunction(_ x: Tensor) -> Tensor
}

/// Part 3 — `vlm-attention`: multi-head attention over `[image, text]` with the VLM mask.
///
/// `x` `[B, T, C]` → `W_q, W_k, W_v` → `[B, H, T, D]` each → scores `[B, H, T, T]` masked with
/// `Pieces.vlmMask(nImage:nText:)` → softmax → `·V` → `[B, T, C]` → `W_o`.
public protocol VLMSelfAttention: AnyObject {
    init(dModel: Int, numHeads: Int)
    /// Four bias-free `Linear(C, C)`, created in the order q, k, v, o.
    var W_q: Linear { get }
    var W_k: Linear { get }
    var W_v: Linear { get }
    var W_o: Linear { get }
    var numHeads: Int { get }
    func callAsFunction(_ x: Tensor, nImageTokens: Int) -> (output: Tensor, weights: Tensor)
}
