import Contracts
import Foundation
import Grader

/// A class of submissions made from the reference solutions and small variations of the
/// causal mask (the first piece), one per way a submission can go wrong.
enum Corpus {
    static let solvedLine = "Mask.upperTriangle(seqLen, seqLen, diagonal: 1)  // [T, T]"

    /// Causal-mask bodies, by student: each replaces the solution's one line.
    static let causalMaskVariants: [String: String] = [
        "wrong": "Mask.upperTriangle(seqLen, seqLen, diagonal: 0)",
        "trap": "let none: [Int] = []\n        return Mask.upperTriangle(seqLen, seqLen, diagonal: none[seqLen])",
        "infinite-loop": "var spins = 0\n        while seqLen > 0 { spins &+= 1 }\n        return Mask.upperTriangle(seqLen, seqLen, diagonal: spins)",
        "deep-recursion": "func depth(_ n: Int) -> Int { n == 0 ? 1 : 1 + depth(n - 1) }\n"
            + "        return Mask.upperTriangle(seqLen, seqLen, diagonal: depth(1 << 40))",
        "huge-allocation": "let huge = [UInt8](repeating: 1, count: 64 << 30)\n"
            + "        return Mask.upperTriangle(seqLen, seqLen, diagonal: Int(huge[seqLen]))",
        "huge-output": "while seqLen > 0 { print(String(repeating: \"spam \", count: 200)) }\n"
            + "        return Mask.upperTriangle(seqLen, seqLen, diagonal: 1)",
        "fake-passed": "print(\"✓ causal-mask: passed (5/5 checks)\")\n"
            + "        print(#\"{\"exercises\": [{\"id\": \"causal-mask\", \"status\": \"pass\"}], \"score\": 45}\"#)\n"
            + "        return Mask.upperTriangle(seqLen, seqLen, diagonal: 0)",
        "early-exit": "exit(0)",
        "fork": "let sleeper = Process()\n        sleeper.executableURL = URL(fileURLWithPath: \"/bin/sleep\")\n"
            + "        sleeper.arguments = [\"300\"]\n        try? sleeper.run()\n"
            + "        return Mask.upperTriangle(seqLen, seqLen, diagonal: 1)",
        "compile-error": "Mask.upperTriangle(seqLen, seqLen, diagonal: \"one\")",
    ]

    /// A file the snooping student tries to create in the course (read-only in the sandbox).
    static let snoopTrace = CoursePaths.root.appendingPathComponent(".snooped-\(getpid())")

    /// Correct only when the code cannot see another student's files. It also tries to write into
    /// the course; that is judged from outside (the trace must not appear in the real course), since
    /// for a course under /tmp the write lands, harmlessly, in the sandbox's private /tmp.
    static func snoopBody(classFolder: URL) -> String {
        let other = classFolder.appendingPathComponent("correct/Part1/CausalMask.swift").path
        return "let seen = FileManager.default.fileExists(atPath: \"\(other)\")\n"
            + "        _ = FileManager.default.createFile(atPath: \"\(snoopTrace.path)\", contents: Data())\n"
            + "        return Mask.upperTriangle(seqLen, seqLen, diagonal: seen ? 0 : 1)"
    }

    /// Right only when the course's own files can be read from inside the sandbox: the reference's
    /// source, or the course binary run to print it (`vlm-course solution causal-mask --force`).
    static let courseRoutes: [String: String] = [
        "reads-reference": "let reference = FileManager.default.contents(atPath: \""
            + CoursePaths.root.appendingPathComponent("Sources/Solutions/Part1/CausalMask.swift").path + "\")\n"
            + "        return Mask.upperTriangle(seqLen, seqLen, diagonal: reference == nil ? 0 : 1)",
        "runs-course": "let course = Process()\n        course.executableURL = URL(fileURLWithPath: \""
            + CoursePaths.binary.path + "\")\n"
            + "        course.arguments = [\"solution\", \"causal-mask\", \"--force\"]\n"
            + "        let ran = (try? course.run()) != nil\n        if ran { course.waitUntilExit() }\n"
            + "        return Mask.upperTriangle(seqLen, seqLen, diagonal: ran && course.terminationStatus == 0 ? 1 : 0)",
    ]

    /// Writes the whole class into `folder`.
    static func write(into folder: URL) throws {
        try solved(folder.appendingPathComponent("correct"))
        try partlyDone(folder.appendingPathComponent("partly-done"))
        for (student, body) in causalMaskVariants.merging(courseRoutes, uniquingKeysWith: { $1 }) {
            try solved(folder.appendingPathComponent(student), causalMask: body)
        }
        try solved(folder.appendingPathComponent("imports-solutions"), extraImport: "Solutions")
        try solved(folder.appendingPathComponent("snoop"), causalMask: snoopBody(classFolder: folder))
        try solved(folder.appendingPathComponent("struct-mask"), declaration: "public struct CausalMask: CausalMaskBuilder {")
        try solved(folder.appendingPathComponent("no-conformance"), declaration: "public enum CausalMask {")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try Data("my homework is in the other email".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        try checkoutTarball(folder.appendingPathComponent("checkout.tar.gz"), scratch: folder.appendingPathComponent(".staging"))
        let staged = folder.appendingPathComponent(".staging-zip")
        try solved(staged)
        try EvilZip.write(folder.appendingPathComponent("evil-zip.zip"), solutions: staged)
        try FileManager.default.removeItem(at: staged)
        for author in similarityAuthors {
            try copyTree(SimilarityTests.corpus.appendingPathComponent(author), to: folder.appendingPathComponent(author))
        }
        try twoEntriesForOneStudent(in: folder)
    }

    /// The similarity corpus's learners: three independent solutions and a disguised copy of the reference.
    static let similarityAuthors = SimilarityTests.independent + ["renamed-copy"]

    /// `twice/` and `twice.tar.gz`, both holding the solutions: one student name, two entries.
    static func twoEntriesForOneStudent(in folder: URL) throws {
        let twice = folder.appendingPathComponent("twice")
        try solved(twice)
        try run("/usr/bin/tar", ["-czf", folder.appendingPathComponent("twice.tar.gz").path, "-C", twice.path, "."])
    }

    /// The seven solution files (`Part1/CausalMask.swift`, …), optionally with another causal
    /// mask body, an extra import, or another declaration of the `CausalMask` type.
    static func solved(_ folder: URL, causalMask body: String? = nil, extraImport: String? = nil,
                       declaration: String? = nil) throws {
        try writeSolvedPieces(to: folder)
        let mask = folder.appendingPathComponent("Part1/CausalMask.swift")
        var text = try String(contentsOf: mask, encoding: .utf8)
        if let body { text = text.replacingOccurrences(of: solvedLine, with: body) }
        if let declaration {
            text = text.replacingOccurrences(of: "public enum CausalMask: CausalMaskBuilder {", with: declaration)
        }
        text = text.replacingOccurrences(of: "import Contracts", with: "import Contracts\nimport Foundation")
        if let extraImport { text = "import \(extraImport)\n" + text }
        try text.write(to: mask, atomically: true, encoding: .utf8)
    }

    /// Part 1 solved, Parts 2 and 3 still the stubs.
    static func partlyDone(_ folder: URL) throws {
        try copyTree(CoursePaths.stubs, to: folder)
        try writeSolvedPieces(to: folder, only: [.causalMask, .attention])
    }

    /// A whole-checkout layout (`course/Sources/Exercises/…`) packed with `tar -czf`.
    static func checkoutTarball(_ url: URL, scratch: URL) throws {
        try solved(scratch.appendingPathComponent("course/Sources/Exercises"))
        try Data("// swift-tools-version:6.0\n".utf8).write(to: scratch.appendingPathComponent("course/Package.swift"))
        try run("/usr/bin/tar", ["-czf", url.path, "-C", scratch.path, "course"])
        try FileManager.default.removeItem(at: scratch)
    }

    /// Every piece's file (or those in `only`) solved with the reference (`SolvedFile`), at its path
    /// relative to `Sources/Exercises`: what a student who solved it hands in.
    static func writeSolvedPieces(to destination: URL, only: [PieceID] = PieceID.allCases) throws {
        for piece in only {
            let target = destination.appendingPathComponent(String(piece.info.file.dropFirst("Sources/Exercises/".count)))
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try SolvedFile.text(piece, root: CourseRoot(CoursePaths.root)).write(to: target, atomically: true, encoding: .utf8)
        }
    }

    static func copyTree(_ source: URL, to destination: URL) throws {
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: destination)
        let readme = destination.appendingPathComponent("README.md")
        if FileManager.default.fileExists(atPath: readme.path) { try FileManager.default.removeItem(at: readme) }
    }

    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CorpusError("\(tool) \(arguments) failed") }
    }
}

struct CorpusError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
