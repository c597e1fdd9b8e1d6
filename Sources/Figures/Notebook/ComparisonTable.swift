/// The notebook's "ATTENTION PATTERN COMPARISON" table, printed after the Part 5 figure.
public enum ComparisonTable {
    /// `(property, LLM, ViT, VLM)` rows.
    public static let rows: [(String, String, String, String)] = [
        ("Mask Type", "Causal", "None", "Mixed"),
        ("Upper Triangle", "Zeros", "Non-zero", "Partial zeros"),
        ("Token-to-Token", "Past only", "All", "Depends on type"),
        ("Cross-Modal", "N/A", "N/A", "Text→Image: Yes"),
        ("Use Case", "Text gen", "Image cls", "Multimodal"),
    ]

    /// The table as the notebook prints it: 70-wide rules, columns padded to 25, 15 and 15.
    public static var lines: [String] {
        let heavy = String(repeating: "=", count: 70), light = String(repeating: "-", count: 70)
        func row(_ cells: (String, String, String, String)) -> String {
            pad(cells.0, 25) + " " + pad(cells.1, 15) + " " + pad(cells.2, 15) + " " + cells.3
        }
        return [heavy, "ATTENTION PATTERN COMPARISON", heavy, row(("Property", "LLM", "ViT", "VLM (LLaVA)")), light]
            + rows.map(row) + [heavy]
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
