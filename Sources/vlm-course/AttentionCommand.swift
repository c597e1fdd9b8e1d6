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
            guard let model, !json, isCLIPCheckpoint(model) else { return try runPretrained() }
            do {
                if size != nil { throw PretrainedViTError.flagForOtherModel(flag: "--size", family: .dinov2) }
                let run = try CLIPRun(directory: model, image: image, pixels: pixels)
                let output = run.output
                if let png {
                    try Figure.clipLayers(layerAttentions: output.attentions).writePNG(to: png)
                    var standardError = StandardError()
                    print("Wrote \(png)", to: &standardError)
                }
                let summary = AttentionSummary(output, layers: try layerIndices(count: output.attentions.count),
                                               head: try headSelection(count: run.model.config.numAttentionHeads))
                print(AttentionText.render(summary), terminator: "")
            } catch {
                var standardError = StandardError()
                print("vlm-course: \(error)", to: &standardError)
                throw ExitCode(2)
            }
        }

        func layerIndices(count: Int) throws -> [Int] {
            guard let layers else {
                let defaults = [0, 3, 6, 9, 11, -1].filter { $0 >= -count && $0 < count }
                return defaults.map { $0 < 0 ? $0 + count : $0 }.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
            }
            var chosen: [Int] = []
            for part in layers.split(separator: ",") {
                guard let n = Int(part.trimmingCharacters(in: .whitespaces)), n >= -count, n < count else {
                    throw ValidationError("--layers: '\(part)' is not a layer of this model (0…\(count - 1), or -\(count)…-1)")
                }
                let index = n < 0 ? n + count : n
                if !chosen.contains(index) { chosen.append(index) }
            }
            if chosen.isEmpty { throw ValidationError("--layers: no layers given") }
            return chosen
        }

        private func headSelection(count: Int) throws -> HeadSelection {
            if head == "mean" { return .mean }
            guard let h = Int(head), h >= 0, h < count else {
                throw ValidationError("--head: '\(head)' is not `mean` or a head index 0…\(count - 1)")
            }
            return .head(h)
        }
    }
}
