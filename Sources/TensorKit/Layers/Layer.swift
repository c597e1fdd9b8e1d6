/// A module with a forward pass, like `nn.Module`. Layers are classes, as PyTorch modules are
/// objects: code that holds a layer can load new weights into it (`linear.weight = …`).
public protocol Layer: AnyObject {
    func callAsFunction(_ x: Tensor) -> Tensor
}

/// Layers applied in order, like `nn.Sequential`; `layers[i]` is PyTorch's child `"i"`.
public final class Sequential: Layer {
    public var layers: [any Layer]

    public init(_ layers: [any Layer]) { self.layers = layers }
    public convenience init(_ layers: any Layer...) { self.init(layers) }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        layers.reduce(x) { h, layer in layer(h) }
    }
}
