import TensorKit

/// Deterministic inputs for checks: the child and the grader draw the same values from the same
/// seed with their own generator, never touching the default one the learner's layers use.
enum CheckInputs {
    static func randn(_ shape: [Int], seed: UInt64, scale: Float = 1) -> Tensor {
        RandomGenerator(seed: seed).randn(shape, std: scale)
    }

    /// Copies `weight` (and `bias`) into `layer`, checking the learner's layer has their shapes.
    static func load(_ layer: Linear, _ name: String, weight: Tensor, bias: Tensor?) throws {
        guard layer.weight.shape == weight.shape else {
            throw CheckFailure("\(name).weight has shape \(layer.weight.shape), expected \(weight.shape)")
        }
        guard (layer.bias == nil) == (bias == nil) else {
            throw CheckFailure("\(name) should be created with\(bias == nil ? "out" : "") a bias")
        }
        if let bias, layer.bias?.shape != bias.shape {
            throw CheckFailure("\(name).bias has shape \(layer.bias?.shape ?? []), expected \(bias.shape)")
        }
        layer.weight = weight
        layer.bias = bias
    }

    /// Seeded weights for a `Linear(in, out)`, scaled like PyTorch's init so scores stay moderate.
    static func linearWeights(_ inFeatures: Int, _ outFeatures: Int, bias: Bool, seed: UInt64) -> (Tensor, Tensor?) {
        let scale = 1 / Float(inFeatures).squareRoot()
        return (randn([outFeatures, inFeatures], seed: seed, scale: scale),
                bias ? randn([outFeatures], seed: seed &+ 1, scale: scale) : nil)
    }
}

extension CheckInputs {
    /// Copies `weight` and `bias` into the learner's `Conv2d`, checking their shapes first.
    static func load(_ conv: Conv2d, _ name: String, weight: Tensor, bias: Tensor) throws {
        guard conv.weight.shape == weight.shape else {
            throw CheckFailure("\(name).weight has shape \(conv.weight.shape), expected \(weight.shape)")
        }
        guard conv.bias?.shape == bias.shape else {
            throw CheckFailure("\(name).bias has shape \(conv.bias?.shape.description ?? "nil"), expected \(bias.shape)")
        }
        conv.weight = weight
        conv.bias = bias
    }

    /// Records a layer's bias, or a problem when the layer has none.
    static func bias(_ bias: Tensor?, _ name: String) throws -> Tensor {
        guard let bias else { throw CheckFailure("\(name) has no bias; PyTorch's layer has one") }
        return bias
    }
}
