/// `y = x·Wᵀ + b`, like `nn.Linear(inFeatures, outFeatures, bias:)`.
///
/// - `weight`: `[out, in]` (PyTorch layout); `bias`: `[out]` or `nil`.
/// - Input `[…, in]` → output `[…, out]`.
/// - Initialisation consumes `generator` exactly as PyTorch does: the weight with
///   `kaiming_uniform_(a=√5)`, i.e. U(−1/√in, 1/√in), then the bias with U(−1/√in, 1/√in).
public final class Linear: Layer {
    public var weight: Tensor
    public var bias: Tensor?

    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true,
                generator: RandomGenerator = .default) {
        weight = Init.kaimingUniform([outFeatures, inFeatures], fanIn: inFeatures, generator: generator)
        self.bias = bias ? Init.biasUniform(outFeatures, fanIn: inFeatures, generator: generator) : nil
    }

    /// A layer holding the given parameters (for loading checkpoints).
    public init(weight: Tensor, bias: Tensor?) {
        precondition(weight.rank == 2, "Linear: weight must be [out, in], got \(weight.shape)")
        precondition(bias.map { $0.shape == [weight.dim(0)] } ?? true,
                     "Linear: bias \(bias?.shape ?? []) does not match weight \(weight.shape)")
        self.weight = weight
        self.bias = bias
    }

    public var inFeatures: Int { weight.dim(1) }
    public var outFeatures: Int { weight.dim(0) }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        precondition(x.rank >= 1 && x.dim(-1) == inFeatures,
                     "Linear(\(inFeatures) → \(outFeatures)): input of shape \(x.shape) must end in \(inFeatures)")
        let w = weight.transposed()  // [in, out], a view: BLAS reads the stored [out, in] transposed
        return bias.map { x.matmul(w, plusRow: $0) } ?? x.matmul(w)  // [..., out]
    }
}
