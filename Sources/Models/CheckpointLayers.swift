/// The layer numbers of a checkpoint's tensor names: `i` for every name `prefix + "i." + …`,
/// sorted, each once (`encoder.layers.` in CLIP, `encoder.layer.` in DINOv2).
func layerNumbers(in names: some Sequence<String>, prefix: String) -> [Int] {
    var numbers = Set<Int>()
    for name in names where name.hasPrefix(prefix) {
        let rest = name.dropFirst(prefix.count)
        if let dot = rest.firstIndex(of: "."), let n = Int(rest[..<dot]), n >= 0 { numbers.insert(n) }
    }
    return numbers.sorted()
}

/// Whether `numbers` are exactly `0..<count`, and if not, what the checkpoint holds, for a
/// message: "2 layers (encoder.layers.0 … encoder.layers.1)", "1 layer (encoder.layers.0)",
/// "no 'encoder.layers.N.' tensors", or "layer numbers 1, 3 under 'encoder.layers.'".
func layerMismatch(_ numbers: [Int], count: Int, prefix: String) -> String? {
    if numbers.count == count && numbers.last == count - 1 { return nil }
    if numbers.isEmpty { return "no '\(prefix)N.' tensors" }
    if numbers.last == numbers.count - 1 {
        return numbers.count == 1 ? "1 layer (\(prefix)0)" : "\(numbers.count) layers (\(prefix)0 … \(prefix)\(numbers.count - 1))"
    }
    let shown = numbers.prefix(8).map(String.init).joined(separator: ", ") + (numbers.count > 8 ? ", …" : "")
    return "layer number\(numbers.count == 1 ? "" : "s") \(shown) under '\(prefix)'"
}
