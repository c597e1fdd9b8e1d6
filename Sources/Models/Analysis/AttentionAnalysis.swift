import Contracts
import Solutions
import TensorKit

/// Part 4's three readings of a model's attention on one input, with issue #16's definitions,
/// computed by the course's reference pieces (`attention-rollout`, `mean-attention-distance`,
/// `attention-entropy` in Solutions):
/// - `rollout` `[gh, gw]`: the class token's row of `Â_L · … · Â_1`, `Â = ½ mean over heads + ½ I`;
/// - `meanDistance` `[L, H]`: how far each head's patches look, in pixels;
/// - `entropy` `[L, H]`: how spread each head's attention is, in nats.
public struct AttentionAnalysis: Sendable {
    public let modelName: String
    public let gridHeight: Int, gridWidth: Int
    public let patchSize: Int
    public let rollout: Tensor
    public let meanDistance: Tensor
    public let entropy: Tensor

    /// Analyses `attentions`, `L` tensors `[H, T, T]` (layer 0 first, `T = 1 + gh · gw`), with
    /// `pieces`' three analyses (the reference's by default).
    public init(attentions: [Tensor], gridHeight: Int, gridWidth: Int, patchSize: Int, modelName: String,
                using pieces: Implementations = Reference.implementations) {
        self.modelName = modelName
        (self.gridHeight, self.gridWidth, self.patchSize) = (gridHeight, gridWidth, patchSize)
        rollout = pieces.attentionRollout.rollout(attentions, gridHeight: gridHeight, gridWidth: gridWidth)
        meanDistance = pieces.attentionDistance.meanDistance(attentions, gridHeight: gridHeight, gridWidth: gridWidth,
                                                              patchSize: patchSize)
        entropy = pieces.attentionEntropy.entropy(attentions)
    }

    /// Analyses a run's attentions with `pieces` (the reference's by default).
    public init(_ run: ViTRun, using pieces: Implementations = Reference.implementations) {
        self.init(attentions: run.layerAttentions, gridHeight: run.gridHeight, gridWidth: run.gridWidth,
                  patchSize: run.patchSize, modelName: run.modelName, using: pieces)
    }

    /// `analyze --json`: `{"model", "grid": [gh, gw], "patch_size", "rollout": {"shape", "data"},
    /// "mean_distance": …, "entropy": …}`, data row-major, then a newline.
    public var json: String {
        var out = "{\"model\": \(Self.quoted(modelName)), \"grid\": [\(gridHeight), \(gridWidth)], "
            + "\"patch_size\": \(patchSize)"
        for (key, table) in [("rollout", rollout), ("mean_distance", meanDistance), ("entropy", entropy)] {
            out += ", \"\(key)\": "
            CLIPVisionOutput.writeTensor(table) { out += $0 }
        }
        return out + "}\n"
    }

    /// `text` as a JSON string.
    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
