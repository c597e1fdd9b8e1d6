import Figures
import Images
import Models

/// Lesson 4's cells: the shapes of CLIP ViT-B/16's attention maps, and a real pretrained DINOv2's
/// attention on a photo.
enum Part4Cells {
    static let all = [
        DemoCell("part4.clip-shapes") { out in
            // ANCHOR: part4.clip-shapes
            let (imageSize, patchSize, width, layers, heads) = (224, 16, 768, 12, 12)
            let tokens = (imageSize / patchSize) * (imageSize / patchSize) + 1  // 196 patches + CLS

            out.print("openai/clip-vit-base-patch16 vision tower")
            out.print("tokens: \(tokens), head dim: \(width / heads)")
            out.print("attentions: \(layers) tensors of shape [1, \(heads), \(tokens), \(tokens)]")
            out.print("one map per layer: mean over heads → [\(tokens), \(tokens)], each row sums to 1")
            let shown = [0, 3, 6, 9, 11, -1].map { $0 < 0 ? layers + $0 : $0 }
            out.print("notebook grid shows layers:", shown.map { "\($0 + 1)" }.joined(separator: ", "))
            // ANCHOR_END: part4.clip-shapes
        },
        DemoCell("part4.dinov2") { out in
            do {
                // ANCHOR: part4.dinov2
                let model = try DINOv2Pretrained.load()          // ViT-S/14, from the course cache
                let photo = try RGBImage(contentsOf: CourseCache.photo("coffee.png"))
                let report = DINOv2AttentionReport(model: model, photo: photo, imageName: "coffee.png")

                out.print(report.terminalText(style: out.style), terminator: "")
                // ANCHOR_END: part4.dinov2
            } catch {
                out.paragraph(Part4Cells.withoutDownload(error))
            }
        },
    ]

    /// What `part4.dinov2` prints instead of the maps when the model or the photo cannot be read:
    /// the loader's message, which says to run scripts/setup, or the image reader's, which names
    /// the photo, with that advice added.
    static func withoutDownload(_ error: any Error) -> String {
        var problem = "\(error)"
        if !(error is DINOv2Error) {
            problem += (problem.hasSuffix(".") ? "" : ".") + " Run scripts/setup to fetch the sample photos."
        }
        return problem + " Then this cell draws the maps, and `vlm-course attention` runs the same model"
            + " on any photo (--image FILE)."
    }
}
