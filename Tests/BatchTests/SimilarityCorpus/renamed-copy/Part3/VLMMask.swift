import Contracts
import TensorKit

/// Part 3 — the LLaVA-style attention mask over `[image tokens, text tokens]`.
///
/// ```
///              Image   Text
///     Image  [ 0 0 0 | 1 1 1 ]   image sees all image tokens, no text
///            [ 0 0 0 | 1 1 1 ]
///     Text   [ 0 0 0 | 0 1 1 ]   text sees all image tokens, and past text (causal)
///            [ 0 0 0 | 0 0 1 ]
///            [ 0 0 0 | 0 0 0 ]
/// ```
/// Shape `[I + T, I + T]`, true (1) = masked.
public enum VLMMask: VLMMaskBuilder {
    // ANCHOR: vlm-mask
    public static func vlmMask(nImage img: Int, nText txt: Int) -> Mask {
        let n = img + txt
        var m = Mask(repeating: false, shape: [n, n])
        // image rows never look at text
        for r in 0..<img {
            for c in img..<n { m[r, c] = true }
        }
        // text rows are causal among themselves
        for r in img..<n {
            for c in (r + 1)..<n { m[r, c] = true }
        }
        return m
    }
    // ANCHOR_END: vlm-mask
}
