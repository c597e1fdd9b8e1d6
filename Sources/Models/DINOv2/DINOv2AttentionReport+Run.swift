extension DINOv2AttentionReport {
    /// The report of a DINOv2 run already made (the course's model or a checkpoint; a photo or a
    /// pixel file, drawn over `run.picture`), with the layer grid `layers` (indices that exist).
    public init(_ run: ViTRun, layers: [Int]) {
        precondition(run.family == .dinov2 && run.gridHeight == run.gridWidth,
                     "DINOv2AttentionReport: needs a DINOv2 run on a square input")
        self.init(image: run.picture, imageName: run.inputName, attentions: run.attentions, gridSize: run.gridHeight,
                  layers: layers)
    }
}
