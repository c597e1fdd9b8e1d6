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
        let course = try EditLoopTests.makeCourse()
        let result = try CourseBinary.run(["plot", "causal", "--mine", "--json"],
                                          environment: ["VLM_COURSE_ROOT": course.path, "PATH": CourseBinary.toolPath])
        #expect(result.status == 0)
        #expect(result.standardError == "Using the reference for pieces that have not passed `vlm-course check` yet: "
            + "causal-mask, scaled-dot-product-attention, patch-embedding, vit-attention, vlm-mask, "
            + "vision-projection, vlm-attention, image-block-mask, prefix-lm-mask, sliding-window-mask, "
            + "gated-cross-attention\n")
        let reference = try CourseBinary.run(["plot", "causal", "--json"])
        #expect(result.standardOutput == reference.standardOutput)
    }

    @Test func theTerminalFigureEndsWithTheNotebooksNotes() throws {
        let result = try CourseBinary.run(["plot", "compare", "--seed", "3"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("                       Attention Pattern Comparison\n"))
        #expect(result.standardOutput.hasSuffix("Use Case        Text gen   Image cls  Multimodal       Multimodal\n"
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
        #expect(result.standardError.hasPrefix("vlm-course: clip-layers needs a CLIP checkpoint: "
            + "`vlm-course plot clip-layers --model DIR`"))
    }

    /// The head means of the tiny CLIP's two layers ("Layer 1", "Last Layer") on the gradient image,
    /// checked against the attentions `attention --model DIR --json` prints for the same image.
    @Test func clipLayersWithAModelIsTheHeadMeanOfEachLayer() throws {
        let tiny = Fixtures.url("clip-tiny").path
        let result = try CourseBinary.run(["plot", "clip-layers", "--model", tiny, "--json"])
        #expect(result.status == 0 && result.standardError == "", "\(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(object["figure"] as? String == "clip-layers" && object["seed"] is NSNull)
        let panels = try #require(object["panels"] as? [[String: Any]])
        #expect(panels.map { $0["title"] as? String } == ["Layer 1", "Last Layer"])
        #expect(panels.allSatisfy { $0["rows"] as? Int == 17 && $0["cols"] as? Int == 17 })

        let run = try CourseBinary.run(["attention", "--model", tiny, "--json"])
        let model = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let attentions = try #require(model["attentions"] as? [[String: Any]])
        for (panel, layer) in zip(panels, attentions) {
            let data = try #require(panel["data"] as? [[Double]])
            let weights = try #require(layer["data"] as? [Double])          // [1, 4, 17, 17], row-major
            #expect(layer["shape"] as? [Int] == [1, 4, 17, 17])
            for query in 0..<17 {
                // A mean of softmax rows is a distribution.
                #expect(abs(data[query].reduce(0, +) - 1) < 1e-5)
                for key in 0..<17 {
                    let mean = (0..<4).map { weights[($0 * 17 + query) * 17 + key] }.reduce(0, +) / 4
                    #expect(abs(data[query][key] - mean) < 1e-6, "[\(query), \(key)]")
                }
            }
        }
        let photo = try CourseBinary.run(["plot", "clip-layers", "--model", tiny, "--image",
                                          Fixtures.url("images/rgb.png").path, "--json"])
        #expect(photo.status == 0 && photo.standardOutput != result.standardOutput)
    }

    @Test func clipLayersDrawsInTheTerminalAndAsPNG() throws {
        let tiny = Fixtures.url("clip-tiny").path
        let terminal = try CourseBinary.run(["plot", "clip-layers", "--model", tiny])
        #expect(terminal.status == 0)
        #expect(terminal.standardOutput.contains("ViT Attention Patterns Across Layers (CLIP)"))
        #expect(terminal.standardOutput.contains("Last Layer"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clip-\(UUID().uuidString).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let png = try CourseBinary.run(["plot", "clip-layers", "--model", tiny, "--png", path])
        #expect(png.status == 0 && png.standardOutput.hasPrefix("Wrote \(path) (1400×1000 pixels)\n"))
        #expect(Array(try #require(FileManager.default.contents(atPath: path)).prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    }

    @Test func aMissingOrMalformedModelIsOneLineAndExitTwo() throws {
        let missing = try CourseBinary.run(["plot", "clip-layers", "--model", "/nonexistent/clip", "--json"])
        #expect(missing.status == 2 && missing.standardOutput == "")
        #expect(missing.standardError.hasPrefix("vlm-course: CLIP checkpoint: '/nonexistent/clip' has no 'config.json'."))
        #expect(missing.standardError.split(separator: "\n").count == 1)

        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("clip-broken-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: broken) }
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try Data("{\"hidden_size\": ".utf8).write(to: broken.appendingPathComponent("config.json"))
        let malformed = try CourseBinary.run(["plot", "clip-layers", "--model", broken.path])
        #expect(malformed == CourseBinary.Result(status: 2, standardOutput: "", standardError:
            "vlm-course: CLIP checkpoint: '\(broken.path)/config.json' is not a JSON object. Re-download it.\n"))
    }

    @Test(arguments: [
        (["plot", "causal", "--model", "x"], "--model and --image apply to clip-layers only"),
        (["plot", "clip-layers", "--image", "x.png"], "--image needs --model DIR"),
        (["plot", "clip-layers", "--model", "x", "--mine"], "--mine does not apply to clip-layers"),
    ])
    func modelOptionsOutOfPlaceAreUsageErrors(arguments: [String], message: String) throws {
        let result = try CourseBinary.run(arguments)
        #expect(result.status == 64 && result.standardError.contains(message))
    }

    @Test func jsonAndPNGTogetherAreRefused() throws {
        let result = try CourseBinary.run(["plot", "vit", "--json", "--png", "x.png"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--json and --png are alternatives: choose one"))
    }
}
