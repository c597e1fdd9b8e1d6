import Contracts
import Foundation
import TensorKit

enum TodoCausalMask: CausalMaskBuilder {
    static func causalMask(seqLen: Int) -> Mask { todo("causal-mask") }
}

/// Forgets to divide the scores by √D.
enum UnscaledAttention: AttentionFunction {
    static func attention(q: Tensor, k: Tensor, v: Tensor, mask: Mask?) -> (output: Tensor, weights: Tensor) {
        var scores = q.matmul(k.transposed())
        if let mask { scores = scores.maskedFill(mask, -.infinity) }
        let weights = scores.softmax(axis: -1)
        return (weights.matmul(v), weights)
    }
}

/// Right values, but the output comes back as `[…, Dv, Tq]`.
enum TransposedOutputAttention: AttentionFunction {
    static func attention(q: Tensor, k: Tensor, v: Tensor, mask: Mask?) -> (output: Tensor, weights: Tensor) {
        let scores = q.matmul(k.transposed()) / Float(q.dim(-1)).squareRoot()
        let weights = (mask.map { scores.maskedFill($0, -.infinity) } ?? scores).softmax(axis: -1)
        return (weights.matmul(v).transposed(), weights)
    }
}

/// Shapes the grader never expects: it must fail every check, not crash itself.
enum ScalarAttention: AttentionFunction {
    static func attention(q: Tensor, k: Tensor, v: Tensor, mask: Mask?) -> (output: Tensor, weights: Tensor) {
        (Tensor(shape: [], scalars: [1]), Tensor(shape: [], scalars: [1]))
    }
}

enum OutOfRangeCausalMask: CausalMaskBuilder {
    static func causalMask(seqLen: Int) -> Mask {
        let rows = [Bool](repeating: false, count: seqLen)
        return Mask(repeating: rows[seqLen], shape: [seqLen, seqLen])  // index out of range: a trap
    }
}

enum RecursiveCausalMask: CausalMaskBuilder {
    static func causalMask(seqLen: Int) -> Mask {
        guard seqLen != Int.min else { return Mask(repeating: false, shape: [0, 0]) }
        let deeper = causalMask(seqLen: seqLen &+ 1)  // never reaches the guard: the stack overflows
        return Mask(shape: [seqLen, seqLen], values: Array(deeper.values.prefix(seqLen * seqLen)))
    }
}

enum LoopingVLMMask: VLMMaskBuilder {
    static func vlmMask(nImage: Int, nText: Int) -> Mask {
        var i = 0
        while i >= 0 { i = (i &+ 1) % 1_000 }
        return Mask(repeating: false, shape: [i, i])
    }
}

enum ChattyVLMMask: VLMMaskBuilder {
    static func vlmMask(nImage: Int, nText: Int) -> Mask {
        let line = String(repeating: "debug output ", count: 80)
        for _ in 0..<3_000 { print(line) }
        return Mask(shape: [nImage + nText, nImage + nText]) { i in i[1] >= nImage && (i[0] < nImage || i[1] > i[0]) }
    }
}

/// Claims success on every stream and descriptor it can reach, then returns a wrong mask.
enum FakePassCausalMask: CausalMaskBuilder {
    static func causalMask(seqLen: Int) -> Mask {
        let claim = "✓ causal-mask: passed (5/5 checks)\n{\"status\": \"pass\", \"points\": 5}\nPASS\n"
        print(claim)
        FileHandle.standardError.write(Data(claim.utf8))
        for fd in Int32(3)..<64 { _ = claim.withCString { write(fd, $0, strlen($0)) } }
        return Mask(repeating: false, shape: [seqLen, seqLen])
    }
}

enum ExitingCausalMask: CausalMaskBuilder {
    static func causalMask(seqLen: Int) -> Mask { exit(0) }
}

/// Masks nothing at all.
enum UnmaskedVLMMask: VLMMaskBuilder {
    static func vlmMask(nImage: Int, nText: Int) -> Mask { Mask(repeating: false, shape: [nImage + nText, nImage + nText]) }
}

/// Calls a piece it does not declare (`Pieces.causalMask`) and applies it: a ViT with a causal mask.
final class CausallyMaskedViTAttention: ViTSelfAttention {
    let numHeads: Int
    let qkv: Linear
    let proj: Linear

    init(embedDim: Int, numHeads: Int) {
        self.numHeads = numHeads
        qkv = Linear(embedDim, 3 * embedDim)
        proj = Linear(embedDim, embedDim)
    }

    func callAsFunction(_ x: Tensor) -> (output: Tensor, weights: Tensor) {
        let (B, N, C) = (x.dim(0), x.dim(1), x.dim(2))
        let qkv = self.qkv(x).reshaped(B, N, 3, numHeads, C / numHeads).permuted(2, 0, 3, 1, 4)
        let (out, weights) = Pieces.attention(q: qkv.select(0, 0), k: qkv.select(0, 1), v: qkv.select(0, 2),
                                              mask: Pieces.causalMask(seqLen: N))
        return (proj(out.transposed(1, 2).reshaped(B, N, C)), weights)
    }
}
