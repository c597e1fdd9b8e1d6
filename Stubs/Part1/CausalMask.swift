import Contracts
import TensorKit

/// Part 1 — the causal (lower-triangular) attention mask of an LLM.
///
/// `mask[i, j] = true` (masked: cannot attend) exactly when `j > i`, so token `i` sees itself and
/// every earlier token. Shape `[T, T]`.
public enum CausalMask: CausalMaskBuilder {
    // ANCHOR: causal-mask
    public static func causalMask(seqLen: Int) -> Mask {
        // TODO: Build a [seqLen, seqLen] mask with `true` strictly above the diagonal
        // (positions a token cannot attend to: the future).
        // `Mask(repeating: false, shape: [rows, cols])` and `mask[i, j] = true` build one position by
        // position; `Mask(shape:) { index in … }` asks a rule for every [index[0], index[1]].
        // Stuck? `vlm-course hint causal-mask` gives one more hint each time.
        todo("causal-mask")
    }
    // ANCHOR_END: causal-mask
}
