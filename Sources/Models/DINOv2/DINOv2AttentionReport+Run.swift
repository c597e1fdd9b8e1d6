import TensorKit

extension DINOv2AttentionReport {
    /// The report of a DINOv2 run already made (the course's model or a checkpoint; a photo or a
    /// pixel file, drawn over `run.picture`), with the layer grid `layers` (indices that exist).
    public init(_ run: ViTRun, layers: [Int]) {
        precondition(run.family == .dinov2 && run.gridHeight == run.gridWidth,
                     "DINOv2AttentionReport: needs a DINOv2 run on a square input")
        image = run.picture
        imageName = run.inputName
        let g = run.gridHeight
        gridSize = g
        lastLayer = run.attentions.count - 1
        let last = Self.classToPatches(run.attentions[lastLayer], gridSize: g)   // [H, g, g]
        heads = (0..<last.dim(0)).map { last[index: $0].contiguous() }
        meanOfHeads = last.mean(axis: 0)                                          // [g, g]
        layerGrid = layers.map { ($0, Self.classToPatches(run.attentions[$0], gridSize: g).mean(axis: 0)) }
    }
}
