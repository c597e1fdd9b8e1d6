import TensorKit

extension PreNormBlock {
    /// One DINOv2 block (`Dinov2Layer` in Hugging Face): a pre-norm block with LayerScale and exact
    /// GELU (x · ½(1 + erf(x/√2))), read from `encoder.layer.<l>.…` of `weights`.
    init(dinov2 weights: DINOv2Weights, layer l: Int) throws(DINOv2Error) {
        let c = weights.config
        let (C, M, p) = (c.hiddenSize, c.mlpSize, "encoder.layer.\(l).")
        func linear(_ name: String, _ out: Int, _ inFeatures: Int) throws(DINOv2Error) -> Linear {
            Linear(weight: try weights.tensor(p + name + ".weight", [out, inFeatures]),
                   bias: try weights.tensor(p + name + ".bias", [out]))
        }
        func norm(_ name: String) throws(DINOv2Error) -> LayerNorm {
            LayerNorm(weight: try weights.tensor(p + name + ".weight", [C]),
                      bias: try weights.tensor(p + name + ".bias", [C]), eps: c.layerNormEps)
        }
        self.init(norm1: try norm("norm1"), norm2: try norm("norm2"),
                  queryKeyValue: [try linear("attention.attention.query", C, C),
                                  try linear("attention.attention.key", C, C),
                                  try linear("attention.attention.value", C, C)],
                  out: try linear("attention.output.dense", C, C),
                  fc1: try linear("mlp.fc1", M, C), fc2: try linear("mlp.fc2", C, M), activation: .gelu,
                  scale1: try weights.tensor(p + "layer_scale1.lambda1", [C]),
                  scale2: try weights.tensor(p + "layer_scale2.lambda1", [C]), heads: c.headCount)
    }
}
