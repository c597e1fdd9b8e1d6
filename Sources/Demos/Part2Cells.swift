import Figures
import TensorKit

/// Lesson 2's cells: patch counting and the (absent) ViT mask.
enum Part2Cells {
    static let all = [
        DemoCell("part2.patch-grid") { out in
            // ANCHOR: part2.patch-grid
            let (imageSize, patchSize, channels, embedDim) = (224, 16, 3, 768)
            let gridSide = imageSize / patchSize                 // 14
            let patchCount = gridSide * gridSide                 // 196
            let valuesPerPatch = channels * patchSize * patchSize // 768

            out.print("image [1, \(channels), \(imageSize), \(imageSize)]")
            out.print("grid \(gridSide) × \(gridSide) = \(patchCount) patches of \(valuesPerPatch) values each")
            out.print("conv weight [\(embedDim), \(channels), \(patchSize), \(patchSize)] → [1, \(embedDim), \(gridSide), \(gridSide)]")
            out.print("flatten + transpose → patches [1, \(patchCount), \(embedDim)]")
            out.print("with the CLS token → [1, \(patchCount + 1), \(embedDim)]")
            // ANCHOR_END: part2.patch-grid
        },
        DemoCell("part2.bidirectional-mask") { out in
            // ANCHOR: part2.bidirectional-mask
            let labels = ["CLS"] + (0..<8).map { "P\($0)" }
            let noMask = Mask(repeating: false, shape: [labels.count, labels.count])

            out.print(MaskDiagram.grid(noMask, labels: labels))
            out.print("masked positions:", noMask.trueCount, "of", noMask.count, "- every token sees every token")
            // ANCHOR_END: part2.bidirectional-mask
        },
    ]
}
