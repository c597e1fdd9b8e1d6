import Contracts
import Foundation
import TensorKit

// Part 4's wrong-implementation corpus (issue #16): each is the usual mistake its name says, or a
// hostile version; LearnerFixture says which piece each replaces, GraderTests the verdict.

/// `[T, T]` identity.
private func identity(_ T: Int) -> Tensor { Tensor(shape: [T, T]) { $0[0] == $0[1] ? 1 : 0 } }

/// `R[0, 1...]` as `[gh, gw]` of `R` `[T, T]`.
private func classRow(_ r: Tensor, _ gh: Int, _ gw: Int) -> Tensor { r[index: 0].slice(0, 1..<r.dim(0)).reshaped(gh, gw) }

/// `[L, H]` of `perHead` over each head's `[T, T]` buffer.
private func table(_ attentions: [Tensor], _ perHead: (UnsafeBufferPointer<Float>, Int) -> Double) -> Tensor {
    let values = attentions.flatMap { a in
        (0..<a.dim(0)).map { h in Float(a[index: h].withUnsafeContiguousBuffer { perHead($0, a.dim(-1)) }) }
    }
    return Tensor(shape: [attentions.count, attentions.first?.dim(0) ?? 0], scalars: values)
}

/// R = Ā_L · … · Ā_1: the residual's ½ I is missing.
enum RolloutWithoutIdentity: AttentionRolloutBuilder {
    static func rollout(_ attentions: [Tensor], gridHeight: Int, gridWidth: Int) -> Tensor {
        var r = identity(1 + gridHeight * gridWidth)
        for a in attentions { r = a.mean(axis: 0).matmul(r) }
        return classRow(r, gridHeight, gridWidth)
    }
}

/// R = Â_1 · … · Â_L: each new layer multiplied on the right.
enum RolloutInReverseOrder: AttentionRolloutBuilder {
    static func rollout(_ attentions: [Tensor], gridHeight: Int, gridWidth: Int) -> Tensor {
        let I = identity(1 + gridHeight * gridWidth)
        var r = I
        for a in attentions { r = r.matmul(0.5 * a.mean(axis: 0) + 0.5 * I) }
        return classRow(r, gridHeight, gridWidth)
    }
}

/// The right rollout, then divided by its maximum ("for display").
enum RolloutRescaled: AttentionRolloutBuilder {
    static func rollout(_ attentions: [Tensor], gridHeight: Int, gridWidth: Int) -> Tensor {
        let I = identity(1 + gridHeight * gridWidth)
        var r = I
        for a in attentions { r = (0.5 * a.mean(axis: 0) + 0.5 * I).matmul(r) }
        let row = classRow(r, gridHeight, gridWidth)
        return row / row.max()
    }
}

/// Distances between patch indices' grid positions, never multiplied by the patch size.
enum DistanceInPatches: AttentionDistanceMeasure {
    static func meanDistance(_ attentions: [Tensor], gridHeight: Int, gridWidth: Int, patchSize: Int) -> Tensor {
        meanDistance(attentions, gridWidth: gridWidth, scale: 1, renormalise: true)
    }

    /// Shared by the distance mistakes: `scale` pixels per grid step, optionally no renormalising.
    static func meanDistance(_ attentions: [Tensor], gridWidth W: Int, scale: Double, renormalise: Bool) -> Tensor {
        table(attentions) { a, T in
            var total = 0.0, queries = 0
            for q in 1..<T {
                var weight = 0.0, reach = 0.0
                for k in 1..<T {
                    let (dy, dx) = (Double((q - 1) / W - (k - 1) / W), Double((q - 1) % W - (k - 1) % W))
                    weight += Double(a[q * T + k])
                    reach += Double(a[q * T + k]) * scale * (dy * dy + dx * dx).squareRoot()
                }
                if renormalise { guard weight >= 1e-12 else { continue }; reach /= weight }
                total += reach
                queries += 1
            }
            return total / Double(queries)
        }
    }
}

/// Patch weights used as they are: the class token's share still counts in the denominator.
enum DistanceWithClassToken: AttentionDistanceMeasure {
    static func meanDistance(_ attentions: [Tensor], gridHeight: Int, gridWidth: Int, patchSize: Int) -> Tensor {
        DistanceInPatches.meanDistance(attentions, gridWidth: gridWidth, scale: Double(patchSize), renormalise: false)
    }
}

/// The right numbers, laid out `[H, L]`.
enum DistanceTransposed: AttentionDistanceMeasure {
    static func meanDistance(_ attentions: [Tensor], gridHeight: Int, gridWidth: Int, patchSize: Int) -> Tensor {
        DistanceInPatches.meanDistance(attentions, gridWidth: gridWidth, scale: Double(patchSize), renormalise: true)
            .transposed().contiguous()
    }
}

/// −Σ a · log₂ a: bits, not nats.
enum EntropyInBits: AttentionEntropyMeasure {
    static func entropy(_ attentions: [Tensor]) -> Tensor {
        table(attentions) { a, T in -a.reduce(0.0) { $0 + ($1 > 0 ? Double($1) * log2(Double($1)) : 0) } / Double(T) }
    }
}

/// −Σ a · ln a over the patch keys only, their weights not renormalised (they sum to less than 1).
enum EntropyOfUnnormalisedWeights: AttentionEntropyMeasure {
    static func entropy(_ attentions: [Tensor]) -> Tensor {
        table(attentions) { a, T in
            var sum = 0.0
            for q in 0..<T { for k in 1..<T where a[q * T + k] > 0 { sum -= Double(a[q * T + k]) * log(Double(a[q * T + k])) } }
            return sum / Double(T)
        }
    }
}

/// Natural log on every weight, zeros included: 0 · ln 0 = 0 · (−∞) = NaN.
enum EntropyWithNaN: AttentionEntropyMeasure {
    static func entropy(_ attentions: [Tensor]) -> Tensor {
        table(attentions) { a, T in -a.reduce(0.0) { $0 + Double($1) * log(Double($1)) } / Double(T) }
    }
}

/// Hostile: copies the fixtures' expected tables when the input looks like a fixture's (found from
/// `--fixtures` on its own command line), and returns zeros otherwise.
enum EntropyCopiedFromFixtures: AttentionEntropyMeasure {
    static func entropy(_ attentions: [Tensor]) -> Tensor {
        let shape = [attentions.count, attentions.first?.dim(0) ?? 0]
        let arguments = CommandLine.arguments
        if let i = arguments.firstIndex(of: "--fixtures"), i + 1 < arguments.count {
            for name in ["dinov2-112.json", "synthetic.json"] {
                let url = URL(fileURLWithPath: arguments[i + 1]).appendingPathComponent("analysis/" + name)
                guard let data = FileManager.default.contents(atPath: url.path),
                      let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { continue }
                let candidates = (object["cases"] as? [[String: Any]]) ?? [object]
                for candidate in candidates {
                    guard let table = candidate["entropy"] as? [String: Any], table["shape"] as? [Int] == shape,
                          let values = table["data"] as? [Double] else { continue }
                    return Tensor(shape: shape, scalars: values.map(Float.init))
                }
            }
        }
        return Tensor.zeros(shape)
    }
}
