import ArgumentParser
import Figures
import Foundation
import Images
import Models
import TensorKit

extension VLMCourse.Attention {
    /// Whether `--model DIR` is a CLIP checkpoint (the CLIP path's text and figure); anything
    /// else, errors included, goes to `runPretrained`, which reports it.
    func isCLIPCheckpoint(_ directory: String) -> Bool {
        (try? PretrainedViT.family(ofCheckpoint: URL(fileURLWithPath: directory))) == .clip
    }

    /// DINOv2 (the course's, fetched by scripts/setup, or a checkpoint) on `--image`, `--pixels` or
    /// the sample photo, and `--json` for either family. Errors are one `vlm-course: …` line on
    /// stderr and exit status 2, as on the CLIP path.
    func runPretrained() throws {
        do {
            let model = try PretrainedViT.load(directory: self.model.map { URL(fileURLWithPath: $0) })
            if model.family == .dinov2 && head != "mean" {
                throw PretrainedViTError.flagForOtherModel(flag: "--head", family: .clip)
            }
            let run = try ViTRun(model, input: try ViTInput(image: image, pixels: pixels), size: size)
            if json {
                let chosen = layers == nil ? Array(run.attentions.indices) : try layerIndices(count: run.attentions.count)
                return run.writeJSON(layers: chosen) { FileHandle.standardOutput.write(Data($0.utf8)) }
            }
            let report = DINOv2AttentionReport(run, layers: try layerIndices(count: run.attentions.count))
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
