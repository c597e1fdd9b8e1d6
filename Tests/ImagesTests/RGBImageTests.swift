import Images
import TensorKit
import TestSupport
import Testing

@Suite struct RGBImageTests {
    @Test func notebookGradientMatchesNumPy() throws {
        let expected = try Fixtures.tensor("part4_clip_preprocess.safetensors", "image_rgb_u8")
        let image = RGBImage.notebookGradient()
        #expect(expected.shape == [224, 224, 3])
        #expect(image.pixels.map(Float.init) == expected.scalars)
    }

    @Test func cropTakesTheRequestedRegion() {
        let image = RGBImage(width: 3, height: 2, pixels: (0..<18).map(UInt8.init))
        let crop = image.cropped(left: 1, top: 1, width: 2, height: 1)
        #expect(crop.pixels == [12, 13, 14, 15, 16, 17])
    }

    @Test func resizingToTheSameSizeKeepsTheImage() {
        let image = RGBImage.notebookGradient(size: 16)
        #expect(image.resizedBicubic(width: 16, height: 16) == image)
    }

    @Test func resizingAConstantImageKeepsItConstant() {
        let image = RGBImage(width: 37, height: 23, pixels: [UInt8](repeating: 200, count: 37 * 23 * 3))
        let resized = image.resizedBicubic(width: 11, height: 50)
        #expect(resized.width == 11 && resized.height == 50)
        #expect(resized.pixels.allSatisfy { $0 == 200 })
    }
}
