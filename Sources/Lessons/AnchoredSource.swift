#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads the region of a source file between `// ANCHOR: <id>` and `// ANCHOR_END: <id>`, the
/// way mdBook's `{{#include file:anchor}}` does: other anchor lines inside are dropped and the
/// common indentation is removed.
public enum AnchoredSource {
    /// The region, ending in a newline, or `nil` when the file or either marker is missing.
    public static func region(_ id: String, inFile path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        return region(id, in: text)
    }

    /// The region of `text` for `id`, or `nil` when a marker is missing.
    public static func region(_ id: String, in text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let isMarker = { (line: Substring, keyword: String) in
            line.trimmingSpaces == "// \(keyword): \(id)"
        }
        guard let start = lines.firstIndex(where: { isMarker($0, "ANCHOR") }),
              let end = lines[start...].firstIndex(where: { isMarker($0, "ANCHOR_END") }) else { return nil }
        let body = lines[(start + 1)..<end].filter { line in
            let trimmed = line.trimmingSpaces
            return !trimmed.hasPrefix("// ANCHOR: ") && !trimmed.hasPrefix("// ANCHOR_END: ")
        }
        let indentation = body.filter { !$0.trimmingSpaces.isEmpty }
            .map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return body.map { $0.trimmingSpaces.isEmpty ? "" : String($0.dropFirst(indentation)) }
            .joined(separator: "\n") + "\n"
    }
}
