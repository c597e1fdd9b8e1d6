@testable import BatchGrading
import Foundation
import Testing

/// The textual refusal of code that reaches for the reference solutions.
@Suite("Forbidden code")
struct ForbiddenCodeTests {
    static func findings(_ source: String) throws -> [String]? {
        let scratch = try CoursePaths.scratch("forbidden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try Data(source.utf8).write(to: scratch.appendingPathComponent("A.swift"))
        let submission = PreparedSubmission(files: ["A.swift"], missing: [], notes: [], contentHash: "", sourceFolder: scratch)
        return ForbiddenCode.scan(submission)
    }

    @Test("imports of Solutions or Grader, in any form, are refused with file and line")
    func imports() throws {
        #expect(try Self.findings("import TensorKit\nimport struct Solutions.CausalMask\n")?.first?
            .hasPrefix("A.swift:2: error: `import Solutions` is not allowed") == true)
        #expect(try Self.findings("@testable import Grader\n")?.count == 1)
    }

    @Test("run-time lookups by name are refused", arguments: ["@_silgen_name(\"x\") func f()", "let p = dlsym(nil, \"x\")",
                                                             "let t = _typeByName(\"9Solutions\")"])
    func lookups(line: String) throws {
        #expect(try Self.findings(line + "\n")?.count == 1)
    }

    @Test("comments and ordinary code pass")
    func allowed() throws {
        #expect(try Self.findings("// import Solutions would be cheating\nimport Contracts\nlet solutions = 3\n") == nil)
    }
}
