import TensorKernels
import TensorKit

/// Multi-head self-attention over a packed `[B, T, 3C]` query/key/value tensor (query, key and
/// value blocks of `C = H·D` columns; head `h` is columns `h·D ..< (h+1)·D` of each), one head at
/// a time so that its `[T, T]` scores stay in cache between the three steps:
///
///     S = scale · q·kᵀ            GEMM into the head's slice of A        [T, T]
///     A = softmax(S) by rows      in place (tk_softmax_row)
///     context[:, h·D ..< (h+1)·D] = A·v      GEMM with the row stride of [B, T, C]
///
/// The same arithmetic as `(q.matmul(k.transposed()) * scale).softmax().matmul(v)` on `[B, H, T, D]`
/// views (transformers' eager attention), without the extra buffers and the head-merging copy.
/// Heads are shared out between `Parallel.threadCount` threads; a single head splits its GEMMs.
enum FusedAttention {
    /// `qkv` `[B, T, 3C]` → (context `[B, T, C]`, attention probabilities `[B, H, T, T]`).
    static func apply(_ qkv: Tensor, heads H: Int, scale: Float) -> (context: Tensor, attention: Tensor) {
        let x = qkv.contiguous()
        let (B, T, C) = (x.dim(0), x.dim(1), x.dim(2) / 3)
        let D = C / H
        precondition(x.dim(2) == 3 * C && C == H * D, "FusedAttention: \(qkv.shape) is not [B, T, 3·\(H)·D]")
        let probabilities = TensorStorage(count: B * H * T * T) { _ in }   // every element written below
        let context = TensorStorage(count: B * T * C) { _ in }
        let src = UnsafePointer(x.storage.base + x.offset)
        let headsInParallel = B * H >= Parallel.threadCount
        func head(_ index: Int) {
            let (b, h) = index.quotientAndRemainder(dividingBy: H)
            let q = src + b * T * 3 * C + h * D, k = q + C, v = q + 2 * C
            let scores = probabilities.base + index * T * T                          // [T, T]
            GEMM.multiply(m: T, n: T, k: D, alpha: scale, GEMM.Operand(q, ld: 3 * C), GEMM.Operand(k, ld: 3 * C, transposed: true),
                          into: scores, ldc: T, parallel: !headsInParallel)
            Parallel.forEachChunk(T, minimumPerChunk: headsInParallel ? T : 64) { rows in
                for row in rows { tk_softmax_row(scores + row * T, scores + row * T, T) }
            }
            GEMM.multiply(m: T, n: D, k: T, GEMM.Operand(scores, ld: T), GEMM.Operand(v, ld: 3 * C),
                          into: context.base + b * T * C + h * D, ldc: C, parallel: !headsInParallel)
        }
        if headsInParallel {
            Parallel.forEachChunk(B * H, minimumPerChunk: 1) { heads in heads.forEach(head) }
        } else {
            (0..<(B * H)).forEach(head)
        }
        withExtendedLifetime(x) {}
        return (Tensor(storage: context, shape: [B, T, C]), Tensor(storage: probabilities, shape: [B, H, T, T]))
    }
}
