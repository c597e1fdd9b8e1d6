import Images
import Models
import TensorKit
import TestSupport
import Testing

@Suite struct CLIPImageProcessorTests {
    @Test func gradientMatchesTransformers() throws {
        let expected = try Fixtures.tensor("part4_clip_preprocess.safetensors", "pixel_values")
        let pixels = CLIPImageProcessor()(RGBImage.notebookGradient())
        #expect(pixels.shape == [1, 3, 224, 224])
        #expect(maxAbsDifference(pixels, expected) <= 1e-6)
    }

    @Test func resizeAndCropMatchTransformersOnANonSquareImage() throws {
        let file = try Fixtures.safetensors("part4_clip_processor_crop.safetensors")
        func image(_ t: Tensor) -> RGBImage {
            RGBImage(width: t.dim(1), height: t.dim(0), pixels: t.scalars.map { UInt8($0) })
        }
        let source = image(try file.tensor("source"))
        let expected = image(try file.tensor("crop"))
        #expect((source.width, source.height) == (70, 50))
        let crop = CLIPImageProcessor().resizedAndCropped(source)
        #expect(zip(crop.pixels, expected.pixels).filter { $0 != $1 }.count == 0)
    }

    @Test func shortestEdgeBecomes224() {
        let processor = CLIPImageProcessor()
        #expect(processor.resizedSize(width: 640, height: 480) == (298, 224))
        #expect(processor.resizedSize(width: 100, height: 333) == (224, 745))
    }
}
