import Foundation
import Testing
import TestSupport

/// `vlm-course attention` for DINOv2 beyond the default view: `--pixels`, `--json` and `--layers`,
/// and the flags that belong to the other model.
@Suite struct AttentionCommandDINOv2Tests {
    static let dinov2 = AttentionCommandTests.cacheModel

    @Test(.enabled(if: FileManager.default.fileExists(atPath: dinov2.path), "run scripts/setup to fetch DINOv2"))
    func pixelsJSONMatchesTransformersDinov2Model() throws {
        let reference = "dinov2-imgfocus/reference.safetensors"
        let run = try CourseBinary.run(["attention", "--pixels", "Tests/Fixtures/" + reference, "--json", "--layers", "0,-1"])
        #expect(run.status == 0, "\(run.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(object["layers"] as? [Int] == [0, 11])
        func values(_ value: Any?, shape: [Int]) throws -> [Float] {
            let tensor = try #require(value as? [String: Any])
            #expect(tensor["shape"] as? [Int] == shape)
            return try #require(tensor["data"] as? [Double]).map(Float.init)
        }
        func maxError(_ got: [Float], _ want: [Float]) -> Float {
            got.count == want.count ? zip(got, want).map { abs($0 - $1) }.max() ?? 0 : .infinity
        }
        let hidden = try Fixtures.tensor(reference, "last_hidden_state").scalars
        #expect(maxError(try values(object["last_hidden_state"], shape: [1, 257, 384]), hidden) < 1e-4)
        #expect(maxError(try values(object["pooler_output"], shape: [1, 384]), Array(hidden.prefix(384))) < 1e-4)
        let attentions = try #require(object["attentions"] as? [Any])
        #expect(attentions.count == 2)
        for (i, layer) in [0, 11].enumerated() {
            let want = try Fixtures.tensor(reference, "attentions.\(layer)").scalars
            #expect(maxError(try values(attentions[i], shape: [1, 6, 257, 257]), want) < 5e-5, "layer \(layer)")
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: dinov2.path), "run scripts/setup to fetch DINOv2"))
    func pixelsWithoutJSONDrawTheMapsOverThePixelsSeen() throws {
        let run = try CourseBinary.run(["attention", "--pixels", "Tests/Fixtures/dinov2-imgfocus/reference.safetensors", "--plain"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("DINOv2 ViT-S/14 on reference.safetensors, 224×224: 16×16 patches of 14 px, 257 tokens"))
    }

    @Test func helpSaysHowBigTheJSONGets() throws {
        let run = try CourseBinary.run(["attention", "--help"])
        let help = run.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("All 12 layers of DINOv2 at 448 px are about 1 GB of JSON"))
        #expect(help.contains("DINOv2 or CLIP by its model_type"))
    }

    @Test(arguments: [
        (["--model", "Tests/Fixtures/clip-tiny", "--size", "448"], "--size applies to DINOv2 models only; this one is a CLIP checkpoint"),
        (["--model", "Tests/Fixtures/clip-tiny", "--size", "448", "--json"], "--size applies to DINOv2 models only; this one is a CLIP checkpoint"),
    ])
    func aDINOv2FlagIsRefusedForCLIP(arguments: [String], message: String) throws {
        let run = try CourseBinary.run(["attention"] + arguments)
        #expect(run.status == 2)
        #expect(run.standardError == "vlm-course: \(message)\n")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: dinov2.path), "run scripts/setup to fetch DINOv2"),
          arguments: [
        (["--head", "3"], "--head applies to CLIP models only; this one is DINOv2"),
        (["--pixels", "Tests/Fixtures/clip-tiny/reference.safetensors", "--json"],
         "pixel_values in 'Tests/Fixtures/clip-tiny/reference.safetensors' has shape [1, 3, 32, 32]; this model needs "
            + "[1, 3, S, S] with S a multiple of 14 from 14 to 1008"),
        (["--pixels", "Tests/Fixtures/dinov2-imgfocus/reference.safetensors", "--size", "448", "--json"],
         "--size 448 disagrees with --pixels, whose images are 224 × 224: the pixel file fixes the size"),
        (["--size", "230"], "--size must be a multiple of 14 between 14 and 1008 (224 or 448), got 230"),
    ])
    func badDINOv2InputIsOneLineAndExitTwo(arguments: [String], message: String) throws {
        let run = try CourseBinary.run(["attention"] + arguments)
        #expect(run.status == 2)
        #expect(run.standardError == "vlm-course: \(message)\n")
        #expect(run.standardOutput.isEmpty)
    }
}
