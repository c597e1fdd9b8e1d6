import Foundation
import Testing
import TestSupport

/// `vlm-course mask`, run as the built binary.
@Suite struct MaskCommandTests {
    /// The `masked` grid of a `--json` run.
    static func masked(_ arguments: [String]) throws -> (object: [String: Any], masked: [[Bool]]) {
        let result = try CourseBinary.run(["mask"] + arguments + ["--json"])
        #expect(result.status == 0 && result.standardError == "", "\(arguments): \(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        return (object, try #require(object["masked"] as? [[Bool]]))
    }

    /// Every committed transformers mask: hand-written edge layouts and the seeded random table.
    @Test func jsonEqualsTransformersOnEveryFixtureCase() throws {
        for fixture in try Fixtures.transformersMasks() {
            var arguments = [fixture.family, "--types", fixture.types]
            if let window = fixture.window { arguments += ["--window", "\(window)"] }
            if let chunk = fixture.chunk { arguments += ["--chunk", "\(chunk)"] }
            let (object, masked) = try Self.masked(arguments)
            #expect(Set(object.keys) == ["family", "types", "masked"])
            #expect(object["family"] as? String == fixture.family && object["types"] as? String == fixture.types)
            #expect(masked == fixture.masked, "\(fixture.name)")
        }
    }

    @Test func theTerminalGridHasTheLettersAndLinesBetweenRuns() throws {
        let result = try CourseBinary.run(["mask", "paligemma", "--types", "iipt"])
        #expect(result == CourseBinary.Result(status: 0, standardOutput: """
            paligemma (PaliGemma)
               i i │ p │ t
            i  ✓ ✓ │ ✓ │ ✗
            i  ✓ ✓ │ ✓ │ ✗
            ───────────────
            p  ✓ ✓ │ ✓ │ ✗
            ───────────────
            t  ✓ ✓ │ ✓ │ ✓
            ✓ may attend, ✗ masked; rows are queries, columns keys.

            """, standardError: ""))
    }

    @Test func allDrawsTheFamiliesSideBySide() throws {
        let result = try CourseBinary.run(["mask", "--all", "--types", "tiit", "--window", "2", "--chunk", "2"])
        #expect(result.status == 0 && result.standardError == "")
        let titles = ["causal (decoder-only LLMs)", "llava (LLaVA-1.5)", "paligemma (PaliGemma)", "gemma3 (Gemma 3 global)",
                      "gemma3-local (Gemma 3 local), window 2", "sliding (Mistral), window 2", "chunked (Llama 4 chunked), chunk 2"]
        #expect(titles.allSatisfy { result.standardOutput.contains($0) })
        #expect(result.standardOutput.split(separator: "\n").allSatisfy { $0.count <= 80 })  // COLUMNS=80
        #expect(result.standardOutput.hasPrefix("causal (decoder-only LLMs)    llava (LLaVA-1.5)    paligemma (PaliGemma)\n"))
    }

    @Test func pngNamesTheFileItWrote() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mask-\(UUID().uuidString).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CourseBinary.run(["mask", "--all", "--types", "iippttt", "--window", "3", "--png", path])
        #expect(result == CourseBinary.Result(status: 0, standardOutput: "Wrote \(path) (1800×950 pixels)\n", standardError: ""))
        let header = try #require(FileManager.default.contents(atPath: path)).prefix(8)
        #expect(Array(header) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    /// `--mine` in a fresh course: the learner's runner builds the masks with the reference standing in
    /// for every piece, and stderr says so.
    @Test func mineWithNothingPassedUsesTheReferenceAndSaysSo() throws {
        let course = try EditLoopTests.makeCourse()
        let arguments = ["mask", "--all", "--types", "ttiiitpt", "--window", "2", "--chunk", "3", "--json"]
        let mine = try CourseBinary.run(arguments + ["--mine"],
                                        environment: ["VLM_COURSE_ROOT": course.path, "PATH": CourseBinary.toolPath])
        #expect(mine.status == 0)
        #expect(mine.standardError.hasPrefix("Using the reference for pieces that have not passed `vlm-course check` yet: "))
        #expect(mine.standardError.hasSuffix("image-block-mask, prefix-lm-mask, sliding-window-mask, gated-cross-attention\n"))
        #expect(mine.standardOutput == (try CourseBinary.run(arguments)).standardOutput)
    }

    /// A learner's passed image-block mask that merges images: `--mine` draws the learner's mask.
    @Test func mineDrawsTheLearnersPassedPieces() throws {
        let course = try EditLoopTests.makeCourse()
        let file = "Sources/Exercises/Part3/ImageBlockMask.swift"
        let stub = try String(contentsOf: course.appendingPathComponent(file), encoding: .utf8)
        try EditLoopTests.write(stub.replacingOccurrences(of: "todo(\"image-block-mask\")", with:
            "return .causal || AttentionRule { q, k in layout[q] == .image && layout[k] == .image }"), to: file, in: course)
        try FileManager.default.createDirectory(at: course.appendingPathComponent(".vlm-course"), withIntermediateDirectories: true)
        try #"{"done": ["image-block-mask"]}"#.write(to: course.appendingPathComponent(".vlm-course/progress.json"),
                                                     atomically: true, encoding: .utf8)
        let mine = try CourseBinary.run(["mask", "gemma3", "--types", "iti", "--json", "--mine"],
                                        environment: ["VLM_COURSE_ROOT": course.path, "PATH": CourseBinary.toolPath])
        #expect(mine.status == 0, "\(mine.standardError)")
        #expect(!mine.standardError.contains("image-block-mask"))
        #expect(mine.standardOutput == #"{"family":"gemma3","types":"iti","masked":[[false,true,false],[false,false,true],[false,false,false]]}"# + "\n")
    }

    @Test(arguments: [
        (["gemma4", "--types", "tt"], "unknown mask family 'gemma4'; the families are causal, llava, paligemma, gemma3, "
            + "gemma3-local, sliding, chunked"),
        (["gemma3", "--types", "ttxt"], "--types: unknown token letter 'x' at position 3: use t (text), i (image) or p (prompt)"),
        (["gemma3", "--types", "tpt"], "--types: 'p' at position 2 is PaliGemma's prompt, which gemma3 does not have; write t for text"),
        (["sliding", "--types", "ttt"], "sliding needs --window N (how many tokens a query sees, itself included)"),
        (["gemma3", "--types", "ttt", "--window", "2"], "--window applies to sliding and gemma3-local only, not to gemma3"),
        (["chunked", "--types", "ttt", "--window", "2", "--chunk", "2"], "--window applies to sliding and gemma3-local only, not to chunked"),
        (["chunked", "--types", "ttt"], "chunked needs --chunk N (the chunk size in tokens)"),
        (["sliding", "--types", "ttt", "--window", "0"], "--window must be at least 1, got 0"),
        (["sliding", "--types", "ttt", "--window", "-3"], "--window must be at least 1, got -3"),
        (["sliding", "--types", "ttt", "--window", "1e9"], "--window '1e9' is not a whole number"),
        (["causal", "--types", String(repeating: "t", count: 4097)], "--types has 4097 tokens; the explorer draws at most 4096"),
        (["causal"], "--types LAYOUT is required: one letter per token, t text, i image, p prompt (e.g. --types ttiiitt)"),
        (["--types", "tt"], "give a mask family (causal, llava, paligemma, gemma3, gemma3-local, sliding, chunked) or --all"),
        (["causal", "--types", "tt", "--json", "--png", "x.png"], "--json and --png are alternatives: choose one"),
    ])
    func badInputIsOneLineAndExitTwo(_ arguments: [String], _ message: String) throws {
        let result = try CourseBinary.run(["mask"] + arguments)
        #expect(result == CourseBinary.Result(status: 2, standardOutput: "", standardError: "vlm-course: \(message)\n"))
    }
}
