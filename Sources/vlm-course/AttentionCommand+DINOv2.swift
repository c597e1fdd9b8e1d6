import ArgumentParser
import Figures
import Foundation
import Images
import Models
import TensorKit

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
            guard DINOv2Pretrained.isAvailable else { throw ValidationError(Self.noModel) }
            let url = image.map { URL(fileURLWithPath: $0) } ?? CourseCache.photo("coffee.png")
            guard image != nil || FileManager.default.fileExists(atPath: url.path) else {
                throw ValidationError("the sample photo '\(url.path)' is missing: run scripts/setup to fetch it")
            }
            let photo = try RGBImage(contentsOf: url)
            let model = try DINOv2Pretrained.load()
            let report = DINOv2AttentionReport(model: model, photo: photo, imageName: url.lastPathComponent,
                                               size: size, layers: try layerIndices(count: model.config.layerCount))
            print(report.terminalText(plain: TerminalStyle.detect(plain: plain).colors == .plain), terminator: "")
            if let png {
                try Self.figure(report).writePNG(to: png)
                var standardError = StandardError()
                print("Wrote \(png)", to: &standardError)
            }
        } catch {
            var standardError = StandardError()
            print("vlm-course: \(error)", to: &standardError)
            throw ExitCode(2)
        }
    }

    /// Without the default model: one paragraph on both ways to get a model.
    static var noModel: String {
        "no model to run. The course's default, DINOv2 ViT-S/14, is not in the cache: "
            + DINOv2Error.modelMissing(path: DINOv2Pretrained.modelURL.path).description
            + " Or run the notebook's own model, openai/clip-vit-base-patch16, with --model DIR. "
            + CLIPCheckpoint.hint
    }

    /// The PNG: the class token's attention over the patch grid (mean, each head of the last layer,
    /// then the layer grid) drawn over the photo the model saw, each map on its own 0…max scale
    /// (`PhotoBackdrop`: the dimmed photo where attention is ~0, inferno's pale yellow where it is highest).
    static func figure(_ report: DINOv2AttentionReport) -> Figure {
        let backdrop = PhotoBackdrop(photo: report.image)
        func panel(_ title: String, _ map: Tensor) -> Panel {
            let g = map.dim(0)
            let rows = (0..<g).map { r in (0..<g).map { map[r, $0] } }
            return Panel(title: title, xLabel: "patch column", yLabel: "patch row", data: rows, vmin: 0,
                         vmax: Swift.max(map.max(), 1e-12), colorMap: .inferno, hasColorBar: false,
                         backdrop: backdrop)
        }
        let last = [panel("Layer \(report.lastLayer + 1), mean of heads", report.meanOfHeads)]
            + report.heads.enumerated().map { panel("Layer \(report.lastLayer + 1), head \($0.offset)", $0.element) }
        let layers = report.layerGrid.map { panel("Layer \($0.layer + 1), mean of heads", $0.map) }
        return Figure(name: "dinov2-attention", seed: nil,
                      suptitle: "DINOv2 ViT-S/14: class token → patches (\(report.imageName), \(report.image.width) px)",
                      panels: last + layers, gridColumns: 4, size: Figure.Size(width: 16, height: 12),
                      notes: ["Each map is scaled to its own maximum; layers are numbered from 1 as in the notebook."])
    }
}
