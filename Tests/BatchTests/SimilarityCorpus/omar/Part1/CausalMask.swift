import Contracts
import TensorKit

/// Part 1 — the causal (lower-triangular) attention mask of an LLM.
///
/// `mask[i, j] = true` (masked: cannot attend) exactly when `j > i`, so token `i` sees itself and
/// every earlier token. Shape `[T, T]`.
public enum CausalMask: CausalMaskBuilder {
    // ANCHOR: causal-mask
    public static func causalMask(seqLen: Int) -> Mask {
        var m = Mask(repeating: false, shape: [seqLen, seqLen])
        for row in 0..<seqLen {
            for col in (row + 1)..<seqLen { m[row, col] = true }
        }
        return m
    }
    // ANCHOR_END: causal-mask
}
