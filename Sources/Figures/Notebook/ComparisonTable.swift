/// The notebook's "ATTENTION PATTERN COMPARISON" table, printed after the Part 5 figure.
///
/// The notebook labels its VLM column "VLM (LLaVA)" with a "Mixed" mask, but LLaVA-1.5 masks its
/// sequence with the plain causal mask (lesson 3). Here that column is the course's prefix mask
/// (the notebook's mask, the `vlm-mask` exercise), and LLaVA-1.5 has a column of its own.
public enum ComparisonTable {
    /// `(property, LLM, ViT, prefix mask, LLaVA-1.5)` rows.
    public static let rows: [(String, String, String, String, String)] = [
        ("Mask Type", "Causal", "None", "Prefix", "Causal"),
        ("Upper Triangle", "Zeros", "Non-zero", "Partial zeros", "Zeros"),
        ("Token-to-Token", "Past only", "All", "Depends on type", "Past only"),
        ("Cross-Modal", "N/A", "N/A", "Text→Image: Yes", "Past, both ways"),
        ("Use Case", "Text gen", "Image cls", "Multimodal", "Multimodal"),
    ]

    /// The table as the notebook prints it: 70-wide rules, columns padded to 15, 10, 10 and 16.
    public static var lines: [String] {
        let heavy = String(repeating: "=", count: 70), light = String(repeating: "-", count: 70)
        func row(_ cells: (String, String, String, String, String)) -> String {
            pad(cells.0, 15) + " " + pad(cells.1, 10) + " " + pad(cells.2, 10) + " " + pad(cells.3, 16) + " " + cells.4
        }
        return [heavy, "ATTENTION PATTERN COMPARISON", heavy,
                row(("Property", "LLM", "ViT", "VLM prefix mask", "LLaVA-1.5")), light]
            + rows.map(row) + [heavy]
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
