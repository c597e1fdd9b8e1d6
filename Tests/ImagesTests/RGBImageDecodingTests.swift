import Foundation
import Images
import TensorKit
import TestSupport
import Testing

/// PNG and JPEG decoding against Pillow's `Image.open(f).convert("RGB")`, and clear errors.
@Suite struct RGBImageDecodingTests {
    let file: SafeTensorsFile
    let source: RGBImage

    init() throws {
        file = try Fixtures.safetensors("part4_pil_resize.safetensors")
        source = RGBImageResizeTests.image(try file.tensor("source"))
    }

    @Test(arguments: ["rgb.png", "rgba.png"]) func colourPNGDecodesToTheSource(name: String) throws {
        #expect(try RGBImage(contentsOf: Fixtures.url("images/\(name)")) == source)
    }

    @Test func greyPNGRepeatsItsChannel() throws {
        let grey = try file.tensor("decoded_grey_png").scalars.map { UInt8($0) }
        let image = try RGBImage(contentsOf: Fixtures.url("images/grey.png"))
        #expect(image.pixels == grey.flatMap { [$0, $0, $0] })
    }

    @Test func jpegMatchesPillow() throws {
        let expected = try file.tensor("decoded_rgb_jpg").scalars.map { UInt8($0) }
        let image = try RGBImage(contentsOf: Fixtures.url("images/rgb.jpg"))
        #expect(image.width == 64 && image.height == 40)
        let worst = zip(image.pixels, expected).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(worst <= 1)
    }

    func temporaryFile(_ bytes: [UInt8], _ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vlm-\(UUID().uuidString)-\(name)")
        try Data(bytes).write(to: url)
        return url
    }

    @Test func truncatedFilesAreErrorsNamingTheFile() throws {
        for name in ["rgb.png", "rgb.jpg"] {
            let bytes = [UInt8](try Data(contentsOf: Fixtures.url("images/\(name)")))
            let url = try temporaryFile(Array(bytes.prefix(bytes.count / 2)), name)
            defer { try? FileManager.default.removeItem(at: url) }
            let error = #expect(throws: ImageFileError.self) { try RGBImage(contentsOf: url) }
            #expect(error?.description.contains(url.path) == true)
        }
    }

    @Test func unsupportedFormatsAreNamed() throws {
        let cases: [([UInt8], String)] = [(Array("GIF89a\u{1}\u{0}".utf8), "GIF"), (Array("hello\n".utf8), "text")]
        for (bytes, kind) in cases {
            let url = try temporaryFile(bytes, "x")
            defer { try? FileManager.default.removeItem(at: url) }
            let error = #expect(throws: ImageFileError.self) { try RGBImage(contentsOf: url) }
            #expect(error == .unsupportedFormat(file: url.path, detected: kind == "GIF" ? "a GIF image" : "a text file"))
        }
    }

    @Test func corruptPNGIsAnError() throws {
        var bytes = [UInt8](try Data(contentsOf: Fixtures.url("images/rgb.png")))
        for i in 40..<80 { bytes[i] ^= 0x5A }
        let url = try temporaryFile(bytes, "bad.png")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: ImageFileError.self) { try RGBImage(contentsOf: url) }
    }

    @Test func missingFileIsAnError() {
        #expect(throws: ImageFileError.self) { try RGBImage(contentsOf: URL(fileURLWithPath: "/nonexistent/x.png")) }
    }
}
