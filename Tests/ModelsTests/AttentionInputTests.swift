import Foundation
import Images
import Models
import TensorKit
import TestSupport
import Testing

/// What a user asks an attention run for (`--layers`, `--head`, `--size`, an image or a pixel
/// file), read and checked in Models; every refusal is one line (`AttentionInputError`).
@Suite struct AttentionInputTests {
    @Test func layersByDefaultAreTheNotebooksThatExist() throws {
        #expect(try AttentionChoice.layers(nil, count: 12) == [0, 3, 6, 9, 11])
        #expect(try AttentionChoice.layers(nil, count: 2) == [0, 1])
        #expect(try AttentionChoice.layers(nil, count: 1) == [0])
    }

    @Test func layersCountNegativeFromTheEndAndKeepTheirOrderOnce() throws {
        #expect(try AttentionChoice.layers("0,-1", count: 12) == [0, 11])
        #expect(try AttentionChoice.layers(" 5 , 0,5,-12", count: 12) == [5, 0])
    }

    @Test(arguments: [("12", "12"), ("-13", "-13"), ("x", "x"), ("1.5", "1.5"), ("0,,99999999999999999999", "99999999999999999999")])
    func aLayerTheModelDoesNotHaveIsNamed(text: String, part: String) {
        #expect(throws: AttentionInputError.notALayer(part: part, count: 12)) { try AttentionChoice.layers(text, count: 12) }
    }

    @Test func messagesAreOneLineAndSayWhatIsAllowed() {
        #expect(AttentionInputError.notALayer(part: "5", count: 2).description
            == "--layers: '5' is not a layer of this model (0…1, or -2…-1)")
        #expect(throws: AttentionInputError.noLayers) { try AttentionChoice.layers(",", count: 2) }
        #expect(AttentionInputError.notAHead(text: "7", count: 4).description == "--head: '7' is not `mean` or a head index 0…3")
        #expect(AttentionInputError.badSize(100).description == "--size must be a multiple of 14 between 14 and 1008 (224 or 448), got 100")
        #expect(AttentionInputError.noModel(path: "/c/vit_s_focus.onnx").description.contains("Run scripts/setup"))
        let all: [AttentionInputError] = [.noLayers, .notRGB(channels: 1), .missingSamplePhoto(path: "/p.png"),
                                          .wrongPixelShape(file: "f", shape: [1], expected: [2]), .noModel(path: "/m")]
        #expect(all.allSatisfy { !$0.description.contains("\n") })
    }

    @Test func headsAreMeanOrAnIndex() throws {
        #expect(try AttentionChoice.head("mean", count: 4) == .mean)
        #expect(try AttentionChoice.head("3", count: 4) == .head(3))
        for text in ["4", "-1", "Mean", ""] {
            #expect(throws: AttentionInputError.notAHead(text: text, count: 4)) { try AttentionChoice.head(text, count: 4) }
        }
    }

    /// Sizes are checked before the model is looked for, so this holds with or without the cache.
    @Test(arguments: [0, 13, 100, 1022, -224])
    func dinov2SizesOutsideMultiplesOf14AreRefused(size: Int) {
        #expect(throws: AttentionInputError.badSize(size)) {
            try DINOv2AttentionReport.pretrained(image: nil, size: size, layers: nil)
        }
    }

    @Test func clipRunsOnPixelsTheGradientOrAnImage() throws {
        let tiny = Fixtures.url("clip-tiny")
        let pixels = try CLIPRun(directory: tiny, input: .pixels(Fixtures.url("clip-tiny/reference.safetensors")))
        let expected = try Fixtures.tensor("clip-tiny/reference.safetensors", "pooler_output")
        #expect(maxAbsDifference(pixels.output.poolerOutput, expected) < 1e-5)
        let gradient = try CLIPRun(directory: tiny, input: .notebookGradient)
        #expect(gradient.output.attentions.map(\.shape) == [[1, 4, 17, 17], [1, 4, 17, 17]])
        #expect(throws: AttentionInputError.wrongPixelShape(file: Fixtures.url("clip-small-gelu/reference.safetensors").path,
                                                            shape: [1, 3, 30, 30], expected: [1, 3, 32, 32])) {
            try CLIPRun(directory: tiny, input: .pixels(Fixtures.url("clip-small-gelu/reference.safetensors")))
        }
        #expect(throws: ImageFileError.self) { try CLIPRun(directory: tiny, input: .image(tiny.appendingPathComponent("config.json"))) }
    }

    @Test func aModelThatIsNotRGBNeedsPixels() throws {
        var config = CLIPCheckpointTests.config
        config.numChannels = 1
        let directory = CLIPCheckpointTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try CLIPCheckpoint.write(CLIPCheckpoint.randomWeights(config), config: config, to: directory)
        #expect(throws: AttentionInputError.notRGB(channels: 1)) { try CLIPRun(directory: directory, input: .notebookGradient) }
        #expect(throws: AttentionInputError.notRGB(channels: 1)) {
            try CLIPRun(directory: directory, input: .image(Fixtures.url("images/rgb.png")))
        }
    }
}
