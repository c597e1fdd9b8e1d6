import ArgumentParser
import Figures
import Foundation
import Models

extension VLMCourse {
    /// `vlm-course analyze`: attention rollout, mean attention distance and attention entropy of a
    /// pretrained ViT on one input (Part 4's three pieces, computed by the reference solutions).
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a pretrained ViT's attention: rollout, mean attention distance per head, entropy per head (default: DINOv2 ViT-S/14 on a photo).")

        @Option(help: "Hugging Face checkpoint directory (config.json + model.safetensors), DINOv2 or CLIP by its model_type; without it, the course's DINOv2.")
        var model: String?

        @Option(help: "PNG or JPEG image (default: for DINOv2 the sample photo coffee.png, for CLIP the notebook's gradient).")
        var image: String?

        @Option(help: "safetensors file with a `pixel_values` tensor [1, 3, S, S] (instead of --image); it fixes the input size.")
        var pixels: String?

        @Option(help: "DINOv2 only: the input side, a multiple of 14: 224 (default) or 448.")
        var size: Int?

        @Flag(help: "Print {model, grid, patch_size, rollout, mean_distance, entropy} as JSON (tensors as {shape, data}, row-major).")
        var json = false

        @Option(help: "Also write the three as one PNG figure.")
        var png: String?

        @Flag(help: "No colours: character ramps (also when NO_COLOR is set or output is not a terminal).")
        var plain = false

        func run() throws {
            try reportingErrors {
                let model = try PretrainedViT.load(directory: self.model.map { URL(fileURLWithPath: $0) })
                let run = try ViTRun(model, input: try ViTInput(image: image, pixels: pixels), size: size)
                let analysis = AttentionAnalysis(run)
                print(json ? analysis.json : AnalysisText.render(analysis, run: run, style: .detect(plain: plain)), terminator: "")
                if let png {
                    try Figure.attentionAnalysis(analysis, run: run).writePNG(to: png)
                    var standardError = StandardError()
                    print("Wrote \(png)", to: &standardError)
                }
            }
        }
    }
}
