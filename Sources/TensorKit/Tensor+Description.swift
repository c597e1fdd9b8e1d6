import Foundation

/// Printing in PyTorch's format: `tensor([[0.1234, 1.0000], …])`, integers as `1.`, scientific
/// notation when magnitudes span more than 10³ (or leave [1e-4, 1e8)), rows wrapped at 80 columns,
/// and more than 1000 elements summarised with the first and last three items of each axis.
extension Tensor: CustomStringConvertible {
    public var description: String {
        let values = scalars
        let format = TensorFormat(values)
        let body = TensorFormat.render(shape: shape, values: values, indent: 7, summarise: values.count > 1000,
                                       format: format.string)
        return "tensor(\(body))"
    }
}

extension Mask: CustomStringConvertible {
    /// `tensor([[False,  True], …])`, as PyTorch prints a bool tensor.
    public var description: String {
        let body = TensorFormat.render(shape: shape, values: values.map { $0 ? 1 : 0 }, indent: 7,
                                       summarise: count > 1000) { $0 != 0 ? " True" : "False" }
        return "tensor(\(body))"
    }

    /// `mask.int()` printed as PyTorch does: `tensor([[0, 1], …], dtype=torch.int32)`.
    public var intDescription: String {
        let body = TensorFormat.render(shape: shape, values: values.map { $0 ? 1 : 0 }, indent: 7,
                                       summarise: count > 1000) { $0 != 0 ? "1" : "0" }
        return "tensor(\(body), dtype=torch.int32)"
    }
}

/// Chooses one width and notation for all elements, as PyTorch's `_Formatter` does.
struct TensorFormat {
    private let integral: Bool
    private let scientific: Bool
    private let width: Int

    init(_ values: [Float]) {
        let finite = values.filter { $0.isFinite }
        integral = finite.allSatisfy { $0.rounded() == $0 }
        let magnitudes = finite.map { Swift.abs($0) }.filter { $0 > 0 }
        if let lo = magnitudes.min(), let hi = magnitudes.max(), !integral {
            scientific = hi / lo > 1000 || hi > 1e8 || lo < 1e-4
        } else {
            scientific = (magnitudes.max() ?? 0) > 1e8
        }
        let (isIntegral, isScientific) = (integral, scientific)
        width = values.map { Self.plain($0, integral: isIntegral, scientific: isScientific).count }.max() ?? 0
    }

    private static func plain(_ v: Float, integral: Bool, scientific: Bool) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        if scientific { return String(format: "%.4e", Double(v)) }
        if integral { return String(format: "%.0f.", Double(v)) }
        return String(format: "%.4f", Double(v))
    }

    func string(_ v: Float) -> String {
        let s = Self.plain(v, integral: integral, scientific: scientific)
        return String(repeating: " ", count: Swift.max(0, width - s.count)) + s
    }

    /// Nested brackets; the innermost axis wraps to fit 80 columns.
    static func render(shape: [Int], values: [Float], indent: Int, summarise: Bool,
                       format: (Float) -> String) -> String {
        if shape.isEmpty { return values.first.map(format) ?? "" }
        func block(_ axis: Int, _ start: Int, _ depth: Int) -> String {
            let n = shape[axis]
            let stride = shape[(axis + 1)...].reduce(1, *)
            let shown: [Int?] = summarise && n > 6 ? Array(0..<3) + [nil] + Array((n - 3)..<n) : Array(0..<n)
            if axis == shape.count - 1 {
                let items = shown.map { i in i.map { format(values[start + $0]) } ?? "..." }
                let itemWidth = (items.map(\.count).max() ?? 1) + 2
                let perLine = Swift.max(1, (80 - indent - depth) / itemWidth)
                let lines = Swift.stride(from: 0, to: items.count, by: perLine).map {
                    items[$0..<Swift.min($0 + perLine, items.count)].joined(separator: ", ")
                }
                return "[" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + depth + 1)) + "]"
            }
            let gap = ",\n" + String(repeating: "\n", count: shape.count - axis - 2)
                + String(repeating: " ", count: indent + depth + 1)
            let parts = shown.map { i in i.map { block(axis + 1, start + $0 * stride, depth + 1) } ?? "..." }
            return "[" + parts.joined(separator: gap) + "]"
        }
        return block(0, 0, 0)
    }
}
