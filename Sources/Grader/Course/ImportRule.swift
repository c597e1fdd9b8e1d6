import Contracts
import Foundation

/// Learner code may import TensorKit and Contracts, but not the reference or the grader: the
/// direct build compiles against every prebuilt module, so this rule is checked before building.
/// Batch grading applies the same detection to submissions (`BatchGrading.ForbiddenCode`).
public enum ImportRule {
    public static let forbidden = ["Solutions", "Grader"]

    /// The forbidden module a line of Swift imports, if any: `import Solutions`,
    /// `@testable import Grader`, `import struct Solutions.CausalMask`; comments are ignored.
    public static func forbiddenModule(importedBy line: Substring) -> String? {
        let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let words = code.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "." || $0 == ";" }).map(String.init)
        guard let index = words.firstIndex(of: "import"), index + 1 < words.count else { return nil }
        return words[(index + 1)...].first { forbidden.contains($0) }
    }

    /// One `file:line: error: …` per forbidden import in `Sources/Exercises`.
    static func violations(in root: CourseRoot) -> [String] {
        let folder = root.file("Sources/Exercises").resolvingSymlinksInPath()
        let files = (FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".swift") }.sorted()
        var found: [String] = []
        for file in files {
            let text = (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard let module = forbiddenModule(importedBy: line) else { continue }
                found.append("Sources/Exercises/\(file):\(number + 1): error: exercises may not import \(module); "
                    + "write the piece yourself, and reach other pieces through `Pieces`")
            }
        }
        return found
    }
}
