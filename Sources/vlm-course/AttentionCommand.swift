import ArgumentParser
import Figures
import Foundation
import Models

extension VLMCourse {
    /// `vlm-course attention`: shows a pretrained vision transformer's attention for one image —
    /// by default the course's DINOv2 ViT-S/14 on a photo, or a CLIP vision tower with `--model`.
    struct Attention: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a pretrained ViT's attention maps for one image (default: DINOv2 ViT-S/14 on a photo; --model: a DINOv2 or CLIP checkpoint).")

        @Option(help: "Hugging Face checkpoint directory (config.json + model.safetensors), DINOv2 or CLIP by its model_type; without it, the course's DINOv2.")
        var model: String?

        @Option(help: "PNG or JPEG image (default: for DINOv2 the sample photo coffee.png, for CLIP the notebook's 224×224 gradient).")
        var image: String?

        @Option(help: "DINOv2 only: the input side, a multiple of 14: 224 (default), or 448 for sharper 32 × 32 maps. --pixels fixes it.")
        var size: Int?

        @Option(help: "safetensors file with a `pixel_values` tensor [1, 3, S, S] (instead of --image); it fixes the input size.")
        var pixels: String?

        @Option(parsing: .unconditional, help: "Comma-separated layers to show, or with --json to write; negative counts from the end (default: 0,3,6,9,11,-1, those that exist; with --json, all).")
        var layers: String?

        @Option(help: "CLIP only: a head index, or `mean` over heads.")
        var head: String = "mean"

        @Flag(help: "No colours: a character ramp (also when NO_COLOR is set or output is not a terminal).")
        var plain = false

        @Flag(help: "Print last_hidden_state, pooler_output and the attentions of --layers (default: every layer) as JSON. All 12 layers of DINOv2 at 448 px are about 1 GB of JSON: choose layers with --layers.")
        var json = false

        @Option(help: "Also write a PNG figure: DINOv2, the class token's maps per head and layer over the photo; CLIP, the notebook's Part 4 figure (six layers, mean over heads).")
        var png: String?

        func run() throws {
            try reportingErrors {
                let directory = model.map { URL(fileURLWithPath: $0) }
                // A CLIP checkpoint's text view and figure; everything else (DINOv2, --json) runs a ViTRun.
                if let directory, !json, (try? PretrainedViT.family(ofCheckpoint: directory)) == .clip {
                    try runCLIP(directory)
                } else {
                    try runPretrained(directory)
                }
            }
        }

        /// A CLIP checkpoint on `--image`, `--pixels` or the notebook's gradient image.
        private func runCLIP(_ directory: URL) throws {
            if image != nil && pixels != nil { throw AttentionInputError.imageAndPixels }
            if size != nil { throw AttentionInputError.flagForOtherModel(flag: "--size", family: .dinov2) }
            let input: CLIPRun.Input = image.map { .image(URL(fileURLWithPath: $0)) }
                ?? pixels.map { .pixels(URL(fileURLWithPath: $0)) } ?? .notebookGradient
            let run = try CLIPRun(directory: directory, input: input)
            if let png { try write(Figure.clipLayers(layerAttentions: run.output.attentions), to: png) }
            let chosen = try AttentionChoice.layers(layers, count: run.output.attentions.count)
            let summary = AttentionSummary(run.output, layers: chosen,
                                           head: try AttentionChoice.head(head, count: run.model.config.numAttentionHeads))
            print(summary.terminalText(style: .detect(plain: plain)), terminator: "")
        }

        /// DINOv2 (the course's, fetched by scripts/setup, or a checkpoint) on `--image`, `--pixels` or
        /// the sample photo; and `--json` for either family.
        private func runPretrained(_ directory: URL?) throws {
            let model = try PretrainedViT.load(directory: directory)
            if model.family == .dinov2 && head != "mean" {
                throw AttentionInputError.flagForOtherModel(flag: "--head", family: .clip)
            }
            let run = try ViTRun(model, input: try ViTInput(image: image, pixels: pixels), size: size)
            if json {
                let chosen = layers == nil ? Array(run.attentions.indices) : try AttentionChoice.layers(layers, count: run.attentions.count)
                return run.writeJSON(layers: chosen) { FileHandle.standardOutput.write(Data($0.utf8)) }
            }
            let report = DINOv2AttentionReport(run, layers: try AttentionChoice.layers(layers, count: run.attentions.count))
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
