import TensorKit

extension ViTRun {
    /// `attention --json`, for DINOv2 and CLIP alike: `{"layers": [l…], "last_hidden_state": {"shape",
    /// "data"}, "pooler_output": …, "attentions": [ … ]}`, the attentions `[1, H, T, T]` of `layers`
    /// in that order (every element, row-major, shortest round-trip decimal), handed to `write` in pieces.
    public func writeJSON(layers: [Int], _ write: (String) -> Void) {
        write("{\"layers\": [\(layers.map(String.init).joined(separator: ", "))], \"last_hidden_state\": ")
        CLIPVisionOutput.writeTensor(lastHiddenState, write)
        write(", \"pooler_output\": ")
        CLIPVisionOutput.writeTensor(poolerOutput, write)
        write(", \"attentions\": [")
        for (i, layer) in layers.enumerated() {
            if i > 0 { write(", ") }
            CLIPVisionOutput.writeTensor(attentions[layer], write)
        }
        write("]}\n")
    }
}
