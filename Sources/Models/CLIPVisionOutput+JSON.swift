import TensorKit

extension CLIPVisionOutput {
    /// `{"last_hidden_state": {"shape": […], "data": […]}, "pooler_output": …, "attentions": [ … ]}`
    /// with every element (row-major, shortest round-trip decimal; NaN/±∞ as Python writes them), handed to `write` in pieces.
    public func writeJSON(_ write: (String) -> Void) {
        write("{\"last_hidden_state\": ")
        Self.writeTensor(lastHiddenState, write)
        write(", \"pooler_output\": ")
        Self.writeTensor(poolerOutput, write)
        write(", \"attentions\": [")
        for (i, attention) in attentions.enumerated() {
            if i > 0 { write(", ") }
            Self.writeTensor(attention, write)
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
