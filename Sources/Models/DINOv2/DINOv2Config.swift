/// The hyper-parameters of a DINOv2 ViT (Oquab et al., 2023), with Hugging Face `Dinov2Config` names
/// in the comments. The defaults are ViT-S/14.
public struct DINOv2Config: Sendable, Equatable {
    /// Token width `C` (`hidden_size`).
    public var hiddenSize = 384
    /// Blocks (`num_hidden_layers`).
    public var layerCount = 12
    /// Heads `H` (`num_attention_heads`); head dim `D = C / H` (64 in every DINOv2).
    public var headCount = 6
    /// MLP width (`hidden_size · mlp_ratio`).
    public var mlpSize = 1536
    /// Patch side `P` in pixels (`patch_size`).
    public var patchSize = 14
    /// Side of the pretrained position grid (`image_size / patch_size`: 518 / 14 = 37).
    public var positionGridSize = 37
    /// LayerNorm epsilon (`layer_norm_eps`).
    public var layerNormEps: Float = 1e-6

    public init() {}

    public var headDim: Int { hiddenSize / headCount }
}
