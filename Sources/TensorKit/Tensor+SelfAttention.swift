import TensorKernels

extension Tensor {
    /// Scores per block of query rows in `multiHeadSelfAttention`: 512 KB, so a whole 197- or
    /// 257-token head is one block and the 1,025 tokens of a 448-pixel DINOv2 image are 9 blocks
    /// of 114 rows.
    static let attentionBlockScores = 131_072

    /// Multi-head self-attention over this packed query/key/value tensor `[B, T, 3C]` (query, key
    /// and value blocks of `C = H·D` columns; head `h` is columns `h·D ..< (h+1)·D` of each), in
    /// blocks of query rows whose scores stay in cache between the three steps:
    ///
    ///     S = scale · q·kᵀ            GEMM into the block's rows of A        [rows, T]
    ///     A = softmax(S) by rows      in place (tk_softmax_row)
    ///     context[rows, h·D ..< (h+1)·D] = A·v      GEMM with the row stride of [B, T, C]
    ///
    /// The same arithmetic as `(q.matmul(k.transposed()) * scale).softmax().matmul(v)` on
    /// `[B, H, T, D]` views (transformers' eager attention), without the extra buffers and the
    /// head-merging copy. The (head, row block) pieces are independent; the threads take them one
    /// at a time. Returns the context `[B, T, C]` and the attention probabilities `[B, H, T, T]`.
    public func multiHeadSelfAttention(heads H: Int, scale: Float) -> (context: Tensor, attention: Tensor) {
        let x = contiguous()
        precondition(rank == 3 && H > 0, "multiHeadSelfAttention: \(shape) is not [B, T, 3·\(H)·D]")
        let (B, T, C) = (x.dim(0), x.dim(1), x.dim(2) / 3)
        let D = C / H
        precondition(x.dim(2) == 3 * C && C == H * D, "multiHeadSelfAttention: \(shape) is not [B, T, 3·\(H)·D]")
        let probabilities = TensorStorage(count: B * H * T * T) { _ in }   // every element written below
        let context = TensorStorage(count: B * T * C) { _ in }
        let src = UnsafePointer(x.storage.base + x.offset)
        let rowsFitting = Swift.max(1, Self.attentionBlockScores / Swift.max(T, 1))
        let blocks = (T + rowsFitting - 1) / rowsFitting                  // equal blocks of at most rowsFitting
        let blockRows = Swift.max(1, (T + blocks - 1) / Swift.max(blocks, 1))
        func piece(_ index: Int) {
            let (head, block) = index.quotientAndRemainder(dividingBy: blocks)
            let (b, h) = head.quotientAndRemainder(dividingBy: H)
            let rows = (block * blockRows)..<Swift.min(T, (block + 1) * blockRows)
            let q = src + b * T * 3 * C + h * D, k = q + C, v = q + 2 * C
            let scores = probabilities.base + (head * T + rows.lowerBound) * T               // [rows, T]
            GEMM.multiply(m: rows.count, n: T, k: D, alpha: scale, GEMM.Operand(q + rows.lowerBound * 3 * C, ld: 3 * C),
                          GEMM.Operand(k, ld: 3 * C, transposed: true), into: scores, ldc: T, parallel: false)
            for row in 0..<rows.count { tk_softmax_row(scores + row * T, scores + row * T, T) }
            GEMM.multiply(m: rows.count, n: D, k: T, GEMM.Operand(scores, ld: T), GEMM.Operand(v, ld: 3 * C),
                          into: context.base + (b * T + rows.lowerBound) * C + h * D, ldc: C, parallel: false)
        }
        Parallel.perform(B * H * blocks, piece)
        withExtendedLifetime(x) {}
        return (Tensor(storage: context, shape: [B, T, C]), Tensor(storage: probabilities, shape: [B, H, T, T]))
    }
}
