import Foundation

/// The code of one piece in a set of Swift files: the lines between `// ANCHOR: <id>` and
/// `// ANCHOR_END: <id>` wherever they are, else the whole file named like the piece's catalog file
/// (a learner who deleted the anchors), else nothing (the piece is not in the submission).
enum PieceCode {
    /// `files`: path relative to the submission (or course folder) → text. `catalogFile`: the
    /// piece's file in the catalog, e.g. `Sources/Exercises/Part1/CausalMask.swift`.
    static func find(_ id: String, catalogFile: String, in files: [String: String]) -> String? {
        for path in files.keys.sorted() {
            if let region = anchored(id, in: files[path] ?? "") { return region }
        }
        let name = (catalogFile as NSString).lastPathComponent
        return files.keys.sorted().first { ($0 as NSString).lastPathComponent == name }.flatMap { files[$0] }
    }

    /// The text between the piece's anchors, or nil when either anchor is missing.
    static func anchored(_ id: String, in text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func marker(_ line: Substring) -> String { line.trimmingCharacters(in: .whitespaces) }
        guard let start = lines.firstIndex(where: { marker($0) == "// ANCHOR: \(id)" }),
              let end = lines[start...].firstIndex(where: { marker($0) == "// ANCHOR_END: \(id)" }) else { return nil }
        return lines[(start + 1)..<end].joined(separator: "\n")
    }
}
