import TensorKit

extension CLIPVisionOutput {
    /// `attention --json` for every layer: see `writeJSON(lastHiddenState:poolerOutput:attentions:layers:_:)`.
    public func writeJSON(_ write: (String) -> Void) {
        Self.writeJSON(lastHiddenState: lastHiddenState, poolerOutput: poolerOutput, attentions: attentions,
                       layers: Array(attentions.indices), write)
    }

    /// `{"layers": [l…], "last_hidden_state": {"shape": […], "data": […]}, "pooler_output": …,
    /// "attentions": [ … ]}`, the attentions of `layers` in that order, with every element (row-major,
    /// shortest round-trip decimal; NaN/±∞ as Python writes them), handed to `write` in pieces.
    static func writeJSON(lastHiddenState: Tensor, poolerOutput: Tensor, attentions: [Tensor], layers: [Int],
                          _ write: (String) -> Void) {
        write("{\"layers\": [\(layers.map(String.init).joined(separator: ", "))], \"last_hidden_state\": ")
        writeTensor(lastHiddenState, write)
        write(", \"pooler_output\": ")
        writeTensor(poolerOutput, write)
        write(", \"attentions\": [")
        for (i, layer) in layers.enumerated() {
            if i > 0 { write(", ") }
            writeTensor(attentions[layer], write)
        }
        write("]}\n")
    }

    static func writeTensor(_ t: Tensor, _ write: (String) -> Void) {
        write("{\"shape\": [\(t.shape.map(String.init).joined(separator: ", "))], \"data\": [")
        let values = t.scalars
        let chunk = 4096
        for start in stride(from: 0, to: values.count, by: chunk) {
            let piece = values[start..<Swift.min(start + chunk, values.count)].map(jsonNumber)
            write((start > 0 ? ", " : "") + piece.joined(separator: ", "))
        }
        write("]}")
    }

    /// Shortest round-trip decimal; NaN and ±∞ as Python's `json` writes them.
    static func jsonNumber(_ x: Float) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "Infinity" : "-Infinity" }
        return "\(x)"
    }
}
