import Contracts
import Foundation
import TensorKit

/// Cheats that look the reference up by name at run time, in the process that grades them (which
/// holds the reference as the other pieces' stand-ins). Each answers with what it found, or with a
/// wrong answer when every lookup fails: only a working lookup could make it pass.
enum ByNameLookups {
    /// Names a student could try for a reference type: plain, module-qualified and mangled.
    static func names(_ type: String) -> [String] {
        ["Solutions.\(type)", type, "9Solutions\(type.count)\(type)O", "9Solutions\(type.count)\(type)C",
         "$s9Solutions\(type.count)\(type)O", "$s9Solutions\(type.count)\(type)C",
         "Solutions.Reference\(type)", "9Solutions\(type.count + 9)Reference\(type)O",
         "9Solutions\(type.count + 9)Reference\(type)C"]
    }

    /// The first type any route finds under those names.
    static func find(_ type: String) -> [Any.Type] {
        var found: [Any.Type] = []
        for name in names(type) {
            if let t = _typeByName(name) { found.append(t) }
            if let c = NSClassFromString(name) { found.append(c) }
            if let c = Bundle.main.classNamed(name) { found.append(c) }
        }
        return found
    }

    /// Whether the reference's code can be found by symbol (dlsym on the whole process).
    static var symbolFound: Bool {
        guard let handle = dlopen(nil, RTLD_NOW) else { return false }
        defer { dlclose(handle) }
        let symbols: [String] = ["$s9Solutions10CausalMaskO06causalC06seqLen9TensorKit0C0VSi_tFZ",
                                 "$s9Solutions9ReferenceO15implementations9Contracts15ImplementationsVvgZ"]
        return symbols.contains { dlsym(handle, $0) != nil }
    }
}

enum ByNameCausalMask: CausalMaskBuilder {
    static func causalMask(seqLen: Int) -> Mask {
        for type in ByNameLookups.find("CausalMask") {
            if let reference = type as? any CausalMaskBuilder.Type { return reference.causalMask(seqLen: seqLen) }
        }
        if ByNameLookups.symbolFound { return Mask.upperTriangle(seqLen, seqLen, diagonal: 1) }
        return Mask.upperTriangle(seqLen, seqLen, diagonal: 0)
    }
}

/// A ViT attention that is the reference's when it can find it by name, else attention without heads.
final class ByNameViTAttention: ViTSelfAttention {
    let inner: any ViTSelfAttention
    var qkv: Linear { inner.qkv }
    var proj: Linear { inner.proj }
    var numHeads: Int { inner.numHeads }

    init(embedDim: Int, numHeads: Int) {
        let reference = ByNameLookups.find("ViTAttention").compactMap { $0 as? any ViTSelfAttention.Type }.first
        inner = (reference ?? CausallyMaskedViTAttention.self).init(embedDim: embedDim, numHeads: numHeads)
    }

    func callAsFunction(_ x: Tensor) -> (output: Tensor, weights: Tensor) { inner(x) }
}
