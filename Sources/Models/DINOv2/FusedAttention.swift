import COpenBLAS
import Dispatch
import TensorKit

/// Multi-head attention over a packed `[B, T, 3C]` query/key/value tensor, one head at a time so the
/// `[T, T]` scores stay in cache between the three steps, written straight into the outputs:
///
///     S = q·kᵀ                  cblas_sgemm into the head's slice of A (q already scaled by 1/√D)
///     A = softmax(S) by rows    in place
///     context[:, h·D ..< (h+1)·D] = A·v      cblas_sgemm with the row stride of [B, T, C]
///
/// The same arithmetic as `q.matmul(k.transposed()).softmax().matmul(v)` on `[B, H, T, D]` views,
/// without the extra `[B, H, T, T]` buffer and the head-merging copy.
enum FusedAttention {
    /// `qkv`: `[B, T, 3C]` (query, key, value blocks of `C = H·D` columns) →
    /// (context `[B, T, C]`, attention probabilities `[B, H, T, T]`).
    static func apply(_ qkv: Tensor, heads H: Int) -> (context: Tensor, attention: Tensor) {
        let x = qkv.contiguous()
        let (B, T, C) = (x.dim(0), x.dim(1), x.dim(2) / 3)
        let D = C / H
        let probabilities = TensorStorage(count: B * H * T * T) { _ in }   // every element written below
        let context = TensorStorage(count: B * T * C) { _ in }
        nonisolated(unsafe) let (src, a, ctx) = (UnsafePointer(x.storage.base + x.offset), probabilities.base, context.base)
        let (t, d, ld, c) = (Int32(T), Int32(D), Int32(3 * C), Int32(C))
        for b in 0..<B {
            for h in 0..<H {
                let q = src + b * T * 3 * C + h * D, k = q + C, v = q + 2 * C
                nonisolated(unsafe) let scores = a + (b * H + h) * T * T               // [T, T]
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, t, t, d, 1, q, ld, k, ld, 0, scores, t)
                let chunks = Swift.max(1, Swift.min(Parallel.threadCount, T * T / 65_536))
                DispatchQueue.concurrentPerform(iterations: chunks) { i in
                    for row in (i * T / chunks)..<((i + 1) * T / chunks) {
                        Tensor.softmaxRow(scores + row * T, scores + row * T, T)
                    }
                }
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, t, d, t, 1, scores, t, v, ld, 0,
                            ctx + b * T * C + h * D, c)
            }
        }
        withExtendedLifetime(x) {}
        return (Tensor(storage: context, shape: [B, T, C]), Tensor(storage: probabilities, shape: [B, H, T, T]))
    }
}
