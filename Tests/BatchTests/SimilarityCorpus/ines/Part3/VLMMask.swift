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
    public static func vlmMask(nImage: Int, nText: Int) -> Mask {
        let size = nImage + nText
        return Mask(shape: [size, size]) { idx in
            let (row, col) = (idx[0], idx[1])
            if row < nImage { return col >= nImage }
            return col > row
        }
    }
    // ANCHOR_END: vlm-mask
}
