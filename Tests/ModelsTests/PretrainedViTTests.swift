import Foundation
import Images
import Models
import TensorKit
import Testing
import TestSupport

/// `PretrainedViT` picks the family from `config.json`'s `model_type`; `ViTRun` validates what the
/// model sees; `AttentionAnalysis` of a DINOv2 checkpoint equals the float64 numpy analyses.
@Suite struct PretrainedViTTests {
    @Test func theFamilyFollowsModelType() throws {
        #expect(try PretrainedViT.family(ofCheckpoint: Fixtures.url("clip-tiny")) == .clip)          // clip_vision_model
        #expect(try PretrainedViT.family(ofCheckpoint: Fixtures.url("clip-small-gelu")) == .clip)    // clip
        let dinov2 = try DINOv2HuggingFaceTests.writeCheckpoint(DINOv2HuggingFaceTests.randomWeights(), newNames: true)
        defer { try? FileManager.default.removeItem(at: dinov2) }
        #expect(try PretrainedViT.family(ofCheckpoint: dinov2) == .dinov2)
        #expect(try PretrainedViT.load(directory: dinov2).family == .dinov2)
    }

    @Test(arguments: [(#"{"model_type": "siglip_vision_model"}"#, "has model_type 'siglip_vision_model'"),
                      (#"{"hidden_size": 32}"#, "has no model_type")])
    func otherModelTypesAreRefusedNamingTheSupportedOnes(config: String, problem: String) throws {
        let directory = try DINOv2HuggingFaceTests.writeCheckpoint(DINOv2HuggingFaceTests.randomWeights(), newNames: true, config: config)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect {
            try PretrainedViT.family(ofCheckpoint: directory)
        } throws: { error in
            "\(error)" == "'\(directory.path)/config.json' \(problem); supported: 'dinov2', 'clip', 'clip_vision_model' "
                + "(DINOv2 and CLIP vision transformers)"
        }
    }

    @Test func aSmallDINOv2CheckpointRunsAndItsInputsAreChecked() throws {
        let directory = try DINOv2HuggingFaceTests.writeCheckpoint(DINOv2HuggingFaceTests.randomWeights(), newNames: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = try PretrainedViT.load(directory: directory)
        let run = try ViTRun(model, input: .image(Fixtures.url("images/rgb.png")), size: 28)
        #expect(run.attentions.map(\.shape) == [[1, 2, 5, 5], [1, 2, 5, 5]])
        #expect((run.gridHeight, run.gridWidth, run.patchSize, run.picture.width) == (2, 2, 14, 28))
        #expect(run.poolerOutput.scalars == run.lastHiddenState.select(1, 0).scalars)
        #expect(run.modelName == directory.lastPathComponent)
        #expect(throws: AttentionInputError.badSize(30)) {
            try ViTRun(model, input: .sample, size: 30)
        }
    }

    @Test func pixelsAreShownAsTheColoursTheyCameFrom() throws {
        let photo = try RGBImage(contentsOf: Fixtures.url("images/rgb.png"))
        let square = DINOv2ImageProcessor(cropSize: 14).resizedAndCropped(photo)
        let pixels = DINOv2ImageProcessor(cropSize: 14).pixelValues(ofCropped: square)
        let picture = ViTRun.image(ofPixels: pixels, mean: DINOv2ImageProcessor.imageNetMean, std: DINOv2ImageProcessor.imageNetStd)
        #expect(picture == square)
    }

    @Test(.enabled(if: DINOv2Pretrained.isAvailable, "run scripts/setup to fetch DINOv2"))
    func theCourseModelAsAHuggingFaceCheckpointMatchesNumpyAt224() throws {
        let weights = try DINOv2Weights(onnx: ONNXModel(contentsOf: DINOv2Pretrained.modelURL))
        let config = """
            {"model_type": "dinov2", "hidden_size": 384, "num_hidden_layers": 12, "num_attention_heads": 6,
             "mlp_ratio": 4, "patch_size": 14, "image_size": 518, "layer_norm_eps": 1e-06, "hidden_act": "gelu"}
            """
        let directory = try DINOv2HuggingFaceTests.writeCheckpoint(weights, newNames: true, config: config)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try ViTRun(try PretrainedViT.load(directory: directory),
                             input: .pixels(Fixtures.url("dinov2-imgfocus/reference.safetensors")), size: nil)
        let analysis = AttentionAnalysis(run)
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.url("analysis/dinov2-224.json")))
            as? [String: Any])
        for (key, got) in [("rollout", analysis.rollout), ("mean_distance", analysis.meanDistance), ("entropy", analysis.entropy)] {
            let table = try #require(expected[key] as? [String: Any])
            #expect(got.shape == table["shape"] as? [Int])
            let want = try #require(table["data"] as? [Double])
            #expect(zip(got.scalars, want).allSatisfy { abs(Double($0) - $1) <= 1e-3 * (abs($1) + 1e-3) }, "\(key)")
        }
    }
}
