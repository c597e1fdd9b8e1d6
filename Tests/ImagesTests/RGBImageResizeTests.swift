import Foundation
import Images
import TensorKit
import TestSupport
import Testing

/// `resizedBicubic` against Pillow's `Image.resize(size, BICUBIC)` (fixture made by
/// scripts/fixtures/make_clip_fixtures.py): down, up, and mixed per axis.
@Suite struct RGBImageResizeTests {
    static func image(_ tensor: Tensor) -> RGBImage {
        RGBImage(width: tensor.dim(1), height: tensor.dim(0), pixels: tensor.scalars.map { UInt8($0) })
    }

    @Test(arguments: [(23, 17), (101, 77), (30, 90), (64, 13)])
    func matchesPillowExactly(width: Int, height: Int) throws {
        let file = try Fixtures.safetensors("part4_pil_resize.safetensors")
        let source = Self.image(try file.tensor("source"))
        let expected = Self.image(try file.tensor("resize_\(width)x\(height)"))
        let resized = source.resizedBicubic(width: width, height: height)
        #expect(resized.width == width && resized.height == height)
        let differing = zip(resized.pixels, expected.pixels).filter { $0 != $1 }.count
        #expect(differing == 0)
    }
}
