import ArgumentParser
import Foundation
import Images
import Models

extension VLMCourse.Attention {
    /// The default path: DINOv2 ViT-S/14 (fetched by scripts/setup) on `--image` or a sample photo.
    /// Errors are one `vlm-course: …` line on stderr and exit status 2, as on the CLIP path.
    func runDINOv2() throws {
        do {
            guard size >= 14, size % 14 == 0, size <= 1008 else {
                throw ValidationError("--size must be a multiple of 14 between 14 and 1008 (224 or 448), got \(size)")
            }
            if pixels != nil || json || head != "mean" {
                throw ValidationError("--pixels, --json and --head apply to CLIP checkpoints (--model DIR)")
            }
            let url = image.map { URL(fileURLWithPath: $0) } ?? CourseCache.photo("coffee.png")
            guard image != nil || FileManager.default.fileExists(atPath: url.path) else {
                throw ValidationError("the sample photo '\(url.path)' is missing: run scripts/setup to fetch it")
            }
            let photo = try RGBImage(contentsOf: url)
            let model = try DINOv2Pretrained.load()
            let report = DINOv2AttentionReport(model: model, photo: photo, imageName: url.lastPathComponent,
                                               size: size, layers: try layerIndices(count: model.config.layerCount))
            print(report.terminalText, terminator: "")
        } catch {
            var standardError = StandardError()
            print("vlm-course: \(error)", to: &standardError)
            throw ExitCode(2)
        }
    }
}
