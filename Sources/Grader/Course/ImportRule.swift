import Foundation

/// Learner code may import TensorKit and Contracts, but not the reference or the grader: the
/// direct build compiles against every prebuilt module, so this rule is checked before building.
enum ImportRule {
    static let forbidden = ["Solutions", "Grader"]

    /// One `file:line: error: …` per forbidden import in `Sources/Exercises`.
    static func violations(in root: CourseRoot) -> [String] {
        let folder = root.file("Sources/Exercises").resolvingSymlinksInPath()
        let files = (FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".swift") }.sorted()
        var found: [String] = []
        for file in files {
            let text = (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                guard let i = words.firstIndex(of: "import"), i + 1 < words.count,
                      words[..<i].allSatisfy({ $0.hasPrefix("@") || ["public", "internal", "private", "fileprivate", "package"].contains($0) }),
                      let module = words[i + 1].split(separator: ".").first.map(String.init),
                      forbidden.contains(module) else { continue }
                found.append("Sources/Exercises/\(file):\(number + 1): error: exercises may not import \(module); "
                    + "write the piece yourself, and reach other pieces through `Pieces`")
            }
        }
        return found
    }
}
