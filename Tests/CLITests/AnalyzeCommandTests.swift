import Foundation
import Testing
import TestSupport

/// `vlm-course analyze` through the built binary, against the float64 numpy analyses of
/// transformers' attentions on the same inputs (`Tests/Fixtures/analysis`, issue #16's tolerance).
@Suite struct AnalyzeCommandTests {
    static let dinov2 = AttentionCommandTests.cacheModel

    /// Runs `analyze --json` with `arguments` and compares every table with `expected` (a fixture).
    static func expectMatches(_ arguments: [String], _ expected: String) throws {
        let run = try CourseBinary.run(["analyze", "--json"] + arguments)
        #expect(run.status == 0, "\(run.standardError)")
        let got = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let want = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.url(expected))) as? [String: Any])
        #expect(got["model"] as? String == want["model"] as? String)
        #expect(got["grid"] as? [Int] == want["grid"] as? [Int])
        #expect(got["patch_size"] as? Int == want["patch_size"] as? Int)
        for key in ["rollout", "mean_distance", "entropy"] {
            let (g, w) = (try #require(got[key] as? [String: Any]), try #require(want[key] as? [String: Any]))
            #expect(g["shape"] as? [Int] == w["shape"] as? [Int], "\(key)")
            let (gd, wd) = (try #require(g["data"] as? [Double]), try #require(w["data"] as? [Double]))
            #expect(gd.count == wd.count && !wd.isEmpty, "\(key)")
            let outside = zip(gd, wd).filter { abs($0 - $1) > 1e-3 * (abs($1) + 1e-3) }
            #expect(outside.isEmpty, "\(key): \(outside.count) values outside 1e-3 · (|want| + 1e-3), e.g. \(outside.prefix(3))")
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: dinov2.path), "run scripts/setup to fetch DINOv2"))
    func dinov2At224MatchesNumpy() throws {
        try Self.expectMatches(["--pixels", "Tests/Fixtures/dinov2-imgfocus/reference.safetensors"], "analysis/dinov2-224.json")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: dinov2.path), "run scripts/setup to fetch DINOv2"))
    func dinov2At448MatchesNumpy() throws {
        try Self.expectMatches(["--pixels", "Tests/Fixtures/dinov2-imgfocus/reference_448.safetensors", "--size", "448"],
                               "analysis/dinov2-448.json")
    }

    @Test func clipTinyMatchesNumpy() throws {
        try Self.expectMatches(["--model", "Tests/Fixtures/clip-tiny", "--pixels", "Tests/Fixtures/clip-tiny/reference.safetensors"],
                               "analysis/clip-tiny.json")
    }

    @Test func terminalShowsTheRolloutTheDistanceChartAndTheEntropyTable() throws {
        let run = try CourseBinary.run(["analyze", "--model", "Tests/Fixtures/clip-tiny", "--plain"], environment: ["COLUMNS": "100"])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "clip-tiny (CLIP) on the notebook's gradient image, 32×32: 4×4 patches of 8 px, 17 tokens, 2 layers × 4 heads")
        #expect(lines.contains { $0.hasPrefix("picture") && $0.contains("layer 1, mean of heads") && $0.contains("rollout") })
        let chart = try #require(lines.firstIndex { $0.hasPrefix("Mean attention distance per head, pixels") })
        #expect(lines[chart + 1].hasPrefix("layer  0 │") && lines[chart + 2].hasPrefix("layer  1 │"))
        #expect(lines[chart + 1].contains(" mean "))
        let table = try #require(lines.firstIndex { $0.hasPrefix("Attention entropy per head in nats") })
        #expect(lines[table].contains("ln 17 = 2.83"))
        #expect(lines[table + 1] == "         head 0 head 1 head 2 head 3")
        #expect(lines[table + 2].hasPrefix("layer  0 ") && lines[table + 3].hasPrefix("layer  1 "))
    }

    @Test func pngHoldsTheThreePanels() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vlm-analyze-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: path) }
        let run = try CourseBinary.run(["analyze", "--model", "Tests/Fixtures/clip-tiny", "--png", path.path, "--json"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError == "Wrote \(path.path)\n")
        let bytes = [UInt8](try Data(contentsOf: path))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // IHDR: 18 × 6 inches at 100 dpi, three panels side by side.
        let be = { (i: Int) in bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        #expect((be(16), be(20)) == (1800, 600))
    }

    @Test(arguments: [
        (["--model", "Tests/Fixtures/clip-tiny", "--size", "224"],
         "--size applies to DINOv2 models only; this one is a CLIP checkpoint"),
        (["--model", "Tests/Fixtures/clip-small-gelu", "--pixels", "Tests/Fixtures/clip-tiny/reference.safetensors"],
         "pixel_values in 'Tests/Fixtures/clip-tiny/reference.safetensors' has shape [1, 3, 32, 32]; this model needs [1, 3, 30, 30]"),
        (["--model", "Tests/Fixtures/clip-tiny", "--image", "Package.swift", "--pixels", "Tests/Fixtures/clip-tiny/reference.safetensors"],
         "give --image or --pixels, not both"),
        (["--model", "Tests/Fixtures/images"], "CLIP checkpoint: 'Tests/Fixtures/images' has no 'config.json'."),
    ])
    func badInputIsOneLineAndExitTwo(arguments: [String], message: String) throws {
        let run = try CourseBinary.run(["analyze"] + arguments)
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("vlm-course: " + message), "\(run.standardError)")
        #expect(run.standardError.split(separator: "\n").count == 1)
        #expect(run.standardOutput.isEmpty)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: dinov2.path), "run scripts/setup to fetch DINOv2"),
          arguments: [
        (["--size", "100"], "--size must be a multiple of 14 between 14 and 1008 (224 or 448), got 100"),
        (["--pixels", "Tests/Fixtures/clip-tiny/reference.safetensors"],
         "pixel_values in 'Tests/Fixtures/clip-tiny/reference.safetensors' has shape [1, 3, 32, 32]; this model needs "
            + "[1, 3, S, S] with S a multiple of 14 from 14 to 1008"),
        (["--pixels", "Tests/Fixtures/dinov2-imgfocus/reference.safetensors", "--size", "448"],
         "--size 448 disagrees with --pixels, whose images are 224 × 224: the pixel file fixes the size"),
    ])
    func badDINOv2InputIsOneLineAndExitTwo(arguments: [String], message: String) throws {
        try badInputIsOneLineAndExitTwo(arguments: arguments, message: message)
    }

    @Test func anUnsupportedModelTypeNamesTheSupportedOnes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vlm-vit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try #"{"model_type": "vit", "hidden_size": 32}"#.write(to: folder.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
        let run = try CourseBinary.run(["analyze", "--model", folder.path])
        #expect(run.status == 2)
        #expect(run.standardError == "vlm-course: '\(folder.path)/config.json' has model_type 'vit'; supported: 'dinov2', "
            + "'clip', 'clip_vision_model' (DINOv2 and CLIP vision transformers)\n")
    }
}
