import Foundation

/// The vision-tower hyperparameters of a CLIP checkpoint, as in transformers' `CLIPVisionConfig`.
///
/// Read from `config.json`: either a `CLIPVisionModel` config (keys at the top level) or a full
/// `CLIPModel` config (keys under `vision_config`). Shape letters: `C` = `hiddenSize`,
/// `H` = `numAttentionHeads`, `D = C / H`, `P` = `patchSize`, `N = (imageSize / P)²` patches,
/// `T = N + 1` tokens (class token first).
public struct CLIPVisionConfig: Sendable, Equatable {
    /// The MLP's activation (`hidden_act`), as transformers' `ACT2FN` computes it.
    public enum Activation: String, Sendable, CaseIterable {
        /// `x · σ(1.702 · x)` (OpenAI CLIP).
        case quickGELU = "quick_gelu"
        /// `x · ½ · (1 + erf(x / √2))`.
        case gelu = "gelu"
        /// `½ · x · (1 + tanh(√(2/π) · (x + 0.044715 · x³)))`.
        case geluNew = "gelu_new"
        /// The same tanh approximation under PyTorch's name.
        case geluPyTorchTanh = "gelu_pytorch_tanh"
    }

    public var hiddenSize: Int
    public var intermediateSize: Int
    public var numHiddenLayers: Int
    public var numAttentionHeads: Int
    public var numChannels: Int
    public var imageSize: Int
    public var patchSize: Int
    public var hiddenAct: Activation
    public var layerNormEps: Float

    public init(hiddenSize: Int, intermediateSize: Int, numHiddenLayers: Int, numAttentionHeads: Int,
                numChannels: Int = 3, imageSize: Int, patchSize: Int, hiddenAct: Activation = .quickGELU,
                layerNormEps: Float = 1e-5) {
        self.hiddenSize = hiddenSize
        self.intermediateSize = intermediateSize
        self.numHiddenLayers = numHiddenLayers
        self.numAttentionHeads = numAttentionHeads
        self.numChannels = numChannels
        self.imageSize = imageSize
        self.patchSize = patchSize
        self.hiddenAct = hiddenAct
        self.layerNormEps = layerNormEps
    }

    /// openai/clip-vit-base-patch16: C 768, MLP 3072, 12 layers, 12 heads, 224 px, P 16.
    public static let vitBasePatch16 = CLIPVisionConfig(
        hiddenSize: 768, intermediateSize: 3072, numHiddenLayers: 12, numAttentionHeads: 12,
        imageSize: 224, patchSize: 16)

    /// `D = C / H`.
    public var headDim: Int { hiddenSize / numAttentionHeads }
    /// Patches per side, `imageSize / P`.
    public var gridSize: Int { imageSize / patchSize }
    /// `T = N + 1`: the class token and `N = gridSize²` patches.
    public var numPositions: Int { gridSize * gridSize + 1 }
}

extension CLIPVisionConfig {
    /// Parses `config.json` at `url`. The structural keys are required; `num_channels` (3),
    /// `hidden_act` (quick_gelu) and `layer_norm_eps` (1e-5) default as in transformers.
    public init(contentsOf url: URL) throws {
        let file = url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CLIPCheckpointError.missingFile(
                directory: url.deletingLastPathComponent().path, file: url.lastPathComponent,
                hint: "Download config.json together with the weights.")
        }
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw CLIPCheckpointError.notJSONObject(file: file)
        }
        let json: [String: Any]
        if let nested = root["vision_config"] {
            guard let object = nested as? [String: Any] else {
                throw CLIPCheckpointError.invalidConfigValue(file: file, key: "vision_config", reason: "is not an object")
            }
            json = object
        } else {
            json = root
        }
        func integer(_ key: String, default value: Int? = nil) throws -> Int {
            guard let raw = json[key] else {
                if let value { return value }
                throw CLIPCheckpointError.missingConfigKey(file: file, key: key)
            }
            guard let n = raw as? Int, n > 0 else {
                throw CLIPCheckpointError.invalidConfigValue(file: file, key: key, reason: "must be a positive integer, got \(raw)")
            }
            return n
        }
        let actName = (json["hidden_act"] as? String) ?? Activation.quickGELU.rawValue
        guard let act = Activation(rawValue: actName) else {
            let known = Activation.allCases.map(\.rawValue).joined(separator: ", ")
            throw CLIPCheckpointError.invalidConfigValue(file: file, key: "hidden_act",
                                                         reason: "is '\(actName)'; supported: \(known)")
        }
        let eps = (json["layer_norm_eps"] as? Double) ?? 1e-5
        self.init(hiddenSize: try integer("hidden_size"), intermediateSize: try integer("intermediate_size"),
                  numHiddenLayers: try integer("num_hidden_layers"),
                  numAttentionHeads: try integer("num_attention_heads"),
                  numChannels: try integer("num_channels", default: 3), imageSize: try integer("image_size"),
                  patchSize: try integer("patch_size"), hiddenAct: act, layerNormEps: Float(eps))
        guard patchSize <= imageSize else {
            throw CLIPCheckpointError.invalidConfigValue(
                file: file, key: "patch_size", reason: "(\(patchSize)) must not exceed image_size (\(imageSize))")
        }
        guard hiddenSize % numAttentionHeads == 0 else {
            throw CLIPCheckpointError.invalidConfigValue(
                file: file, key: "num_attention_heads",
                reason: "(\(numAttentionHeads)) must divide hidden_size (\(hiddenSize))")
        }
    }

    /// This config as a `config.json` object for a `CLIPVisionModel` (what the writer saves).
    public var jsonObject: [String: Any] {
        ["architectures": ["CLIPVisionModel"], "model_type": "clip_vision_model",
         "hidden_size": hiddenSize, "intermediate_size": intermediateSize,
         "num_hidden_layers": numHiddenLayers, "num_attention_heads": numAttentionHeads,
         "num_channels": numChannels, "image_size": imageSize, "patch_size": patchSize,
         "hidden_act": hiddenAct.rawValue, "layer_norm_eps": Double(layerNormEps), "attention_dropout": 0.0]
    }
}
