extension ViTRun {
    /// `attention --json`, for DINOv2 and CLIP alike: `{"layers", "last_hidden_state",
    /// "pooler_output", "attentions"}`, the attentions `[1, H, T, T]` of `layers` in that order.
    public func writeJSON(layers: [Int], _ write: (String) -> Void) {
        CLIPVisionOutput.writeJSON(lastHiddenState: lastHiddenState, poolerOutput: poolerOutput, attentions: attentions,
                                   layers: layers, write)
    }
}
