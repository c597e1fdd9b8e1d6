import Foundation
import TensorKit

extension DINOv2Weights {
    /// Reads a Hugging Face `Dinov2Model` checkpoint directory: `config.json` + `model.safetensors`,
    /// or + `model.safetensors.index.json` and its shards (see `WeightFiles`).
    ///
    /// Accepts both attention vocabularies — the legacy `attention.attention.{query,key,value}` /
    /// `attention.output.dense` (facebook/dinov2-* on the Hub) and transformers 5's
    /// `attention.{q,k,v,o}_proj` — and a `dinov2.` prefix (classifier checkpoints); heads are ignored.
    /// Variants this forward does not implement (SwiGLU MLP, register tokens, other activations) are
    /// rejected with `.badConfig`.
    public init(huggingFaceDirectory directory: URL) throws {
        let configURL = directory.appendingPathComponent("config.json")
        let config = try Self.config(from: configURL)
        let files: WeightFiles
        do {
            files = try WeightFiles(directory: directory)
        } catch let problem as WeightFilesError {
            throw DINOv2Error.weightFiles(problem)
        }
        var tensors: [String: Tensor] = [:]
        for file in files.files {
            for name in file.names { tensors[Self.legacyName(name)] = try file.tensor(name) }
        }
        try Self.check(config, against: tensors, source: files.source, configFile: configURL.path)
        self.init(config: config, source: files.source, tensors: tensors)
        try validate()
    }

    /// The legacy HF name for a checkpoint key (prefix removed, transformers 5 attention names renamed).
    public static func legacyName(_ key: String) -> String {
        var name = key.hasPrefix("dinov2.") ? String(key.dropFirst("dinov2.".count)) : key
        for (new, old) in [("attention.q_proj.", "attention.attention.query."), ("attention.k_proj.", "attention.attention.key."),
                           ("attention.v_proj.", "attention.attention.value."), ("attention.o_proj.", "attention.output.dense.")] {
            name = name.replacingOccurrences(of: new, with: old)
        }
        return name
    }

    /// Parses the fields of `Dinov2Config` this model uses (with transformers' defaults when absent).
    static func config(from url: URL) throws(DINOv2Error) -> DINOv2Config {
        let path = url.path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .badConfig(file: path, reason: "cannot read it; a checkpoint directory needs config.json and model.safetensors (or its sharded index)")
        }
        guard let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw .badConfig(file: path, reason: "not a JSON object")
        }
        func int(_ key: String, _ fallback: Int) throws(DINOv2Error) -> Int {
            guard let value = json[key] else { return fallback }
            guard let n = value as? Int, n > 0 else { throw .badConfig(file: path, reason: "'\(key)' must be a positive integer") }
            return n
        }
        if let type = json["model_type"] as? String, type != "dinov2" {
            throw .badConfig(file: path, reason: "model_type '\(type)' is not 'dinov2' (register-token and other variants are not supported)")
        }
        if json["use_swiglu_ffn"] as? Bool == true {
            throw .badConfig(file: path, reason: "use_swiglu_ffn (the ViT-g/14 MLP) is not supported")
        }
        if let act = json["hidden_act"] as? String, act != "gelu" {
            throw .badConfig(file: path, reason: "hidden_act '\(act)' is not supported (only exact 'gelu')")
        }
        var config = DINOv2Config()
        config.hiddenSize = try int("hidden_size", 768)
        config.layerCount = try int("num_hidden_layers", 12)
        config.headCount = try int("num_attention_heads", 12)
        let mlpSize = Double(config.hiddenSize) * ((json["mlp_ratio"] as? NSNumber)?.doubleValue ?? 4)
        guard mlpSize >= 1, mlpSize < 1e15 else {
            throw .badConfig(file: path, reason: "'mlp_ratio' must be a positive number (hidden_size × mlp_ratio is the MLP width)")
        }
        config.mlpSize = Int(mlpSize)
        config.patchSize = try int("patch_size", 14)
        config.positionGridSize = try int("image_size", 518) / config.patchSize
        config.layerNormEps = (json["layer_norm_eps"] as? NSNumber)?.floatValue ?? 1e-6
        guard config.hiddenSize % config.headCount == 0 else {
            throw .badConfig(file: path, reason: "hidden_size \(config.hiddenSize) is not a multiple of num_attention_heads \(config.headCount)")
        }
        return config
    }
}
