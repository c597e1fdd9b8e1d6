import Foundation
import Images
import Models
import TensorKit
import Testing
import TestSupport

struct DINOv2ImageProcessorTests {
    @Test func sizesKeepTheEightToSevenRatio() {
        #expect(DINOv2ImageProcessor(cropSize: 224).resizeShortestEdge == 256)
        #expect(DINOv2ImageProcessor(cropSize: 448).resizeShortestEdge == 512)
    }

    @Test func cropsAWideImageToTheCentre() {
        // 600 × 400 → shortest edge 256 → 384 × 256 → centre 224 × 224.
        let image = RGBImage(width: 600, height: 400, pixels: [UInt8](repeating: 128, count: 600 * 400 * 3))
        let square = DINOv2ImageProcessor().resizedAndCropped(image)
        #expect(square.width == 224 && square.height == 224)
        let pixels = DINOv2ImageProcessor().pixelValues(ofCropped: square)
        #expect(pixels.shape == [1, 3, 224, 224])
        #expect(abs(pixels[0, 0, 0, 0] - (128 / 255 - 0.485) / 0.229) < 1e-5)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: CourseCache.photo("coffee.png").path),
                   "coffee.png is not in the course cache: run scripts/setup to fetch it"))
    func matchesTransformersOnCoffee() throws {
        let pixels = DINOv2ImageProcessor()(try RGBImage(contentsOf: CourseCache.photo("coffee.png")))
        let reference = try Fixtures.tensor("dinov2-imgfocus/preprocess_coffee.safetensors", "pixel_values")
        #expect(maxAbsDifference(pixels, reference) < 1e-5)
    }
}
