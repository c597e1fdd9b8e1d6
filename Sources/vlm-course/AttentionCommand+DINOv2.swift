import ArgumentParser
import Foundation
import Images
import Models

extension VLMCourse.Attention {
    /// The default path: DINOv2 ViT-S/14 (fetched by scripts/setup) on `--image` or a sample photo.
    func runDINOv2() throws {
        guard size >= 14, size % 14 == 0, size <= 1008 else {
            throw ValidationError("--size must be a multiple of 14 between 14 and 1008 (224 or 448), got \(size)")
        }
        if pixels != nil || json || head != "mean" {
            throw ValidationError("--pixels, --json and --head apply to CLIP checkpoints (--model DIR)")
        }
        do {
            let url = image.map { URL(fileURLWithPath: $0) } ?? CourseCache.photo("coffee.png")
            guard FileManager.default.fileExists(atPath: url.path) else {
                if image != nil { throw ValidationError("no image at '\(url.path)'") }
                try fail("the sample photo '\(url.path)' is missing: run scripts/setup to fetch it")
            }
            let photo = try RGBImage(contentsOf: url)
            let model = try DINOv2Pretrained.load()
            let report = DINOv2AttentionReport(model: model, photo: photo, imageName: url.lastPathComponent,
                                               size: size, layers: try layerIndices(count: model.config.layerCount))
            print(report.terminalText, terminator: "")
        } catch let error as ValidationError {
            throw error
        } catch let error as ExitCode {
            throw error
        } catch {
            try fail("\(error)")
        }
    }

    /// One line on stderr, exit status 2 (as the CLIP path reports loading errors).
    private func fail(_ message: String) throws -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        throw ExitCode(2)
    }
}
