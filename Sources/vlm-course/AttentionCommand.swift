import ArgumentParser
import Figures
import Foundation
import Models

extension VLMCourse {
    /// `vlm-course attention`: shows a pretrained vision transformer's attention for one image —
    /// by default the course's DINOv2 ViT-S/14 on a photo, or a CLIP vision tower with `--model`.
    struct Attention: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a pretrained ViT's attention maps for one image (default: DINOv2 ViT-S/14 on a photo; --model: a CLIP checkpoint).")

        @Option(help: "CLIP checkpoint directory (config.json + model.safetensors); without it, the course's DINOv2.")
        var model: String?

        @Option(help: "PNG or JPEG image (default: for DINOv2 the sample photo coffee.png, for CLIP the notebook's 224×224 gradient).")
        var image: String?

        @Option(help: "DINOv2 input side, a multiple of 14: 224, or 448 for sharper 32 × 32 maps.")
        var size: Int = 224

        @Option(help: "safetensors file with a `pixel_values` tensor [1, 3, H, W] (instead of --image).")
        var pixels: String?

        @Option(parsing: .unconditional, help: "Comma-separated layers to show; negative counts from the end (default: 0,3,6,9,11,-1, those that exist).")
        var layers: String?

        @Option(help: "A head index, or `mean` over heads.")
        var head: String = "mean"

        @Flag(help: "No colours: a character ramp (also when NO_COLOR is set or output is not a terminal).")
        var plain = false

        @Flag(help: "Print last_hidden_state, pooler_output and every layer's attentions as JSON.")
        var json = false

        @Option(help: "Also write a PNG figure: DINOv2, the class token's maps per head and layer over the photo; CLIP, the notebook's Part 4 figure (six layers, mean over heads).")
        var png: String?

        func run() throws {
            try reportingErrors {
                if let model { try runCLIP(URL(fileURLWithPath: model)) } else { try runDINOv2() }
            }
        }

        /// A CLIP checkpoint on `--image`, `--pixels` or the notebook's gradient image.
        private func runCLIP(_ directory: URL) throws {
            if image != nil && pixels != nil { throw ValidationError("give --image or --pixels, not both") }
            let input: CLIPRun.Input = image.map { .image(URL(fileURLWithPath: $0)) }
                ?? pixels.map { .pixels(URL(fileURLWithPath: $0)) } ?? .notebookGradient
            let run = try CLIPRun(directory: directory, input: input)
            if let png { try write(Figure.clipLayers(layerAttentions: run.output.attentions), to: png) }
            if json { return run.output.writeJSON { FileHandle.standardOutput.write(Data($0.utf8)) } }
            let chosen = try AttentionChoice.layers(layers, count: run.output.attentions.count)
            let summary = AttentionSummary(run.output, layers: chosen,
                                           head: try AttentionChoice.head(head, count: run.model.config.numAttentionHeads))
            print(summary.terminalText(style: .detect(plain: plain)), terminator: "")
        }

        /// The course's DINOv2 ViT-S/14 (fetched by scripts/setup) on `--image` or a sample photo.
        private func runDINOv2() throws {
            if pixels != nil || json || head != "mean" {
                throw ValidationError("--pixels, --json and --head apply to CLIP checkpoints (--model DIR)")
            }
            let report = try DINOv2AttentionReport.pretrained(image: image.map { URL(fileURLWithPath: $0) }, size: size,
                                                              layers: layers)
            print(report.terminalText(style: .detect(plain: plain)), terminator: "")
            if let png { try write(Figure.dinov2Attention(report), to: png) }
        }

        private func write(_ figure: Figure, to png: String) throws {
            try figure.writePNG(to: png)
            var standardError = StandardError()
            print("Wrote \(png)", to: &standardError)
        }
    }
}
