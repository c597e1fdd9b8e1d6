import Contracts
import TensorKit

/// Part 1 — the causal (lower-triangular) attention mask of an LLM.
///
/// `mask[i, j] = true` (masked: cannot attend) exactly when `j > i`, so token `i` sees itself and
/// every earlier token. Shape `[T, T]`.
public enum CausalMask {
    // ANCHOR: causal-mask
    public static func causalMask(seqLen: Int) -> Mask {
        // `diagonal: 1` keeps the diagonal unmasked: every token attends to itself.
        Mask.upperTriangle(seqLen, seqLen, diagonal: 1)  // [T, T]
    }
    // ANCHOR_END: causal-mask
}
