import Contracts
import TensorKit

/// Part 1 — the causal (lower-triangular) attention mask of an LLM.
///
/// `mask[i, j] = true` (masked: cannot attend) exactly when `j > i`, so token `i` sees itself and
/// every earlier token. Shape `[T, T]`.
public enum CausalMask: CausalMaskBuilder {
    // ANCHOR: causal-mask
    public static func causalMask(seqLen n: Int) -> Mask {
        /* hide every key that comes later than the query */
        Mask.upperTriangle(n, n, diagonal: 1)
    }
    // ANCHOR_END: causal-mask
}
