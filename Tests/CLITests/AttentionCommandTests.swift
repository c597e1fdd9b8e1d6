import Foundation
import Testing
import TestSupport

/// `vlm-course attention` through the built binary: the default DINOv2 (from the course cache) and
/// the committed clip-tiny checkpoint.
@Suite struct AttentionCommandTests {
    static let tiny = Fixtures.url("clip-tiny").path

    @Test func withoutDownloadsItSaysToRunSetupAndExitsTwo() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("vlm-empty-cache-\(UUID().uuidString)")
        let run = try CourseBinary.run(["attention"], environment: ["VLM_COURSE_CACHE": empty.path])
        #expect(run.status == 2)
        let message = "vlm-course: no model to run. The course's default, DINOv2 ViT-S/14, is not in the cache: "
            + "dinov2: the pretrained model '\(empty.path)/vit_s_focus.onnx' is missing. Run scripts/setup to download it "
            + "(90 MB, once). Or run the notebook's own model, openai/clip-vit-base-patch16, with --model DIR. "
            + "A CLIP checkpoint directory holds config.json and model.safetensors (or model.safetensors.index.json and "
            + "its shards), e.g. from `huggingface-cli download openai/clip-vit-base-patch16 config.json model.safetensors "
            + "--local-dir DIR`.\n"
        #expect(run.standardError == message)
        let own = try CourseBinary.run(["attention", "--image", "Tests/Fixtures/clip-tiny/config.json"],
                                       environment: ["VLM_COURSE_CACHE": empty.path])
        #expect(own.status == 2 && own.standardError.hasPrefix("vlm-course: ") && own.standardError.split(separator: "\n").count == 1)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: cacheModel.path), "run scripts/setup to fetch DINOv2"))
    func byDefaultDINOv2ShowsTheClassTokensAttentionOnAPhoto() throws {
        let png = FileManager.default.temporaryDirectory.appendingPathComponent("dinov2-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: png) }
        let run = try CourseBinary.run(["attention", "--png", png.path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("DINOv2 ViT-S/14 on coffee.png, 224×224: 16×16 patches of 14 px, 257 tokens"))
        for title in ["photo", "mean of heads", "head 5", "layer 0", "layer 11"] {
            #expect(run.standardOutput.contains(title))
        }
        #expect(run.standardError == "Wrote \(png.path)\n")
        let bytes = [UInt8](try Data(contentsOf: png))
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: 16 × 12 inches at 100 dpi (12 maps over the photo, 4 to a row).
        let be = { (i: Int) in bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        #expect((be(16), be(20)) == (1600, 1200))
    }

    @Test func dinov2SizeMustBeAMultipleOf14() throws {
        let run = try CourseBinary.run(["attention", "--size", "100"])
        #expect(run.status == 2)
        #expect(run.standardError == "vlm-course: --size must be a multiple of 14 between 14 and 1008 (224 or 448), got 100\n")
    }

    /// Where scripts/setup puts the model (the tests do not link Models).
    static var cacheModel: URL {
        let environment = ProcessInfo.processInfo.environment
        let cache = environment["VLM_COURSE_CACHE"].map { URL(fileURLWithPath: $0) }
            ?? environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0).appendingPathComponent("vlm-course") }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/vlm-course")
        return cache.appendingPathComponent("vit_s_focus.onnx")
    }

    @Test func printsEveryLayersMapAndTheClassTokensGrid() throws {
        let run = try CourseBinary.run(["attention", "--model", Self.tiny])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("Layer 0, mean of heads: attention [17 × 17]"))
        #expect(lines.contains { $0.hasPrefix("Layer 1, mean of heads: attention [17 × 17]") })
        #expect(lines.filter { $0.hasPrefix("Class token → patches [4 × 4]") }.count == 2)
    }

    @Test func jsonMatchesTransformersOnTheFixturePixels() throws {
        let pixels = Fixtures.url("clip-tiny/reference.safetensors").path
        let run = try CourseBinary.run(["attention", "--model", Self.tiny, "--pixels", pixels, "--json"])
        #expect(run.status == 0, "\(run.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let pooler = try #require(object["pooler_output"] as? [String: Any])
        let expected = try Fixtures.tensor("clip-tiny/reference.safetensors", "pooler_output").scalars
        let data = try #require(pooler["data"] as? [Double])
        #expect(zip(data, expected).allSatisfy { abs(Float($0) - $1) < 1e-5 })
        let attentions = try #require(object["attentions"] as? [[String: Any]])
        #expect(attentions.map { $0["shape"] as? [Int] } == [[1, 4, 17, 17], [1, 4, 17, 17]])
        #expect((object["last_hidden_state"] as? [String: Any])?["shape"] as? [Int] == [1, 17, 32])
    }

    @Test(arguments: [
        (["--image", "Package.swift"], "is a text file, not a PNG or JPEG image"),
        (["--head", "7"], "--head: '7' is not `mean` or a head index 0…3"),
        (["--layers", "0,5"], "--layers: '5' is not a layer of this model"),
        (["--pixels", "Tests/Fixtures/clip-small-gelu/reference.safetensors"], "this model needs [1, 3, 32, 32]"),
    ])
    func badInputIsOneLineAndExitTwo(arguments: [String], message: String) throws {
        let run = try CourseBinary.run(["attention", "--model", Self.tiny] + arguments)
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("vlm-course: "))
        #expect(run.standardError.contains(message))
        #expect(run.standardError.split(separator: "\n").count == 1)
    }

    @Test func pngIsTheNotebooksLayerFigure() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vlm-attention-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: path) }
        let run = try CourseBinary.run(["attention", "--model", Self.tiny, "--png", path.path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError == "Wrote \(path.path)\n")
        let bytes = [UInt8](try Data(contentsOf: path))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // IHDR: width and height (big-endian) at bytes 16..<24; 14 × 10 inches at 100 dpi.
        let be = { (i: Int) in bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        #expect((be(16), be(20)) == (1400, 1000))
    }

    /// A config.json that claims a billion layers (or sizes its tensors do not have) is checked
    /// against the checkpoint before anything is allocated: one line, exit 2.
    @Test(arguments: [
        ("num_hidden_layers", 1_000_000_000, "is 1000000000, but the checkpoint holds 2 layers (encoder.layers.0 … encoder.layers.1)"),
        ("image_size", 1_000_000_000, "is 1000000000 (a 125000000 × 125000000 grid of 8-pixel patches, plus the class token)"),
        ("num_attention_heads", 3, "(3) must divide hidden_size (32)"),
        ("patch_size", -8, "must be a positive integer, got -8"),
    ] as [(String, Int, String)])
    func anAbsurdConfigIsOneLineAndExitTwo(key: String, value: Int, message: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("clip-absurd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: Fixtures.url("clip-tiny/model.safetensors"),
                                         to: directory.appendingPathComponent("model.safetensors"))
        var config = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: Fixtures.url("clip-tiny/config.json"))) as? [String: Any])
        config[key] = value
        let configURL = directory.appendingPathComponent("config.json")
        try JSONSerialization.data(withJSONObject: config).write(to: configURL)
        for command in [["attention", "--model", directory.path], ["plot", "clip-layers", "--model", directory.path]] {
            let run = try CourseBinary.run(command)
            #expect(run.status == 2 && run.standardOutput.isEmpty)
            #expect(run.standardError.hasPrefix("vlm-course: CLIP checkpoint: '\(key)' in '\(configURL.path)' \(message)"),
                    "\(run.standardError)")
            #expect(run.standardError.split(separator: "\n").count == 1)
        }
    }

    @Test func aMissingCheckpointNamesTheFile() throws {
        let run = try CourseBinary.run(["attention", "--model", "/nonexistent/clip"])
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("vlm-course: CLIP checkpoint: '/nonexistent/clip' has no 'config.json'."))
    }
}
