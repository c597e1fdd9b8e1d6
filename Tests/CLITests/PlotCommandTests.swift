import Foundation
import Testing
import TestSupport
import TensorKit

/// `vlm-course plot`, run as the built binary.
@Suite struct PlotCommandTests {
    @Test func jsonIsTheNotebooksCausalAttention() throws {
        let result = try CourseBinary.run(["plot", "causal", "--json"])
        #expect(result.status == 0 && result.standardError == "")
        #expect(result.standardOutput.filter { $0 == "\n" }.count == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect(object?["figure"] as? String == "causal" && object?["seed"] as? Int == 42)
        let panel = try #require((object?["panels"] as? [[String: Any]])?.first)
        let data = try #require(panel["data"] as? [[Double]]).flatMap { $0 }.map(Float.init)
        let expected = try Fixtures.tensor("part1_causal.safetensors", "attn_weights").scalars
        #expect(data.count == expected.count)
        #expect(zip(data, expected).allSatisfy { abs($0 - $1) < 1e-5 })
    }

    /// `--mine` uses the learner's pieces that passed `check`; the reference stands in for the rest,
    /// and stderr says so. With no progress (a fresh course) that is every piece.
    @Test func mineWithNothingPassedUsesTheReferenceAndSaysSo() throws {
        let course = FileManager.default.temporaryDirectory.appendingPathComponent("plot-mine-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: course) }
        try FileManager.default.createDirectory(at: course.appendingPathComponent("Sources/Exercises"),
                                                withIntermediateDirectories: true)
        try Data().write(to: course.appendingPathComponent("Package.swift"))
        let result = try CourseBinary.run(["plot", "causal", "--mine", "--json"],
                                          environment: ["VLM_COURSE_ROOT": course.path])
        #expect(result.status == 0)
        #expect(result.standardError == "Using the reference for pieces that have not passed `vlm-course check` yet: "
            + "causal-mask, scaled-dot-product-attention, patch-embedding, vit-attention, vlm-mask, "
            + "vision-projection, vlm-attention\n")
        let reference = try CourseBinary.run(["plot", "causal", "--json"])
        #expect(result.standardOutput == reference.standardOutput)
    }

    @Test func theTerminalFigureEndsWithTheNotebooksNotes() throws {
        let result = try CourseBinary.run(["plot", "compare", "--seed", "3"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("                       Attention Pattern Comparison\n"))
        #expect(result.standardOutput.hasSuffix("Use Case                  Text gen        Image cls       Multimodal\n"
            + String(repeating: "=", count: 70) + "\n"))
        #expect(!result.standardOutput.contains("\u{1B}"))  // not a terminal: plain
    }

    @Test func pngNamesTheFileItWrote() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plot-\(UUID().uuidString).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CourseBinary.run(["plot", "vlm-mask", "--png", path])
        #expect(result == CourseBinary.Result(status: 0, standardOutput: "Wrote \(path) (700×600 pixels)\n",
                                              standardError: ""))
        let header = try #require(FileManager.default.contents(atPath: path)).prefix(8)
        #expect(Array(header) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test func anUnwritablePNGIsOneLineAndExitTwo() throws {
        let result = try CourseBinary.run(["plot", "causal", "--png", "/nonexistent-directory/causal.png"])
        #expect(result == CourseBinary.Result(status: 2, standardOutput: "", standardError:
            "vlm-course: cannot write PNG '/nonexistent-directory/causal.png': error while writing to output stream\n"))
    }

    @Test func clipLayersSaysWhatItNeedsAndExitsTwo() throws {
        let result = try CourseBinary.run(["plot", "clip-layers"])
        #expect(result.status == 2 && result.standardOutput == "")
        #expect(result.standardError.hasPrefix("vlm-course: clip-layers needs a CLIP checkpoint: its data comes from "
            + "`vlm-course attention --model DIR`"))
    }

    @Test func jsonAndPNGTogetherAreRefused() throws {
        let result = try CourseBinary.run(["plot", "vit", "--json", "--png", "x.png"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--json and --png are alternatives: choose one"))
    }
}
