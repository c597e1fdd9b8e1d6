import Contracts
import TensorKit

/// Part 3 — the prefix (bidirectional-image) mask over `[image tokens, text tokens]`: the notebook's
/// "LLaVA-style" mask, which LLaVA-1.5 itself does not use (it keeps the causal mask; lesson 3).
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
public enum VLMMask {
    // ANCHOR: vlm-mask
    public static func vlmMask(nImage: Int, nText: Int) -> Mask {
        let total = nImage + nText
        // Start with all false (everyone can attend); `mask[i, j] = true` masks one position.
        var mask = Mask(repeating: false, shape: [total, total])  // [I + T, I + T]

        // Image-to-text (top-right): masked. The image comes first and must not see the text,
        // so its representation is the same whatever the prompt says.
        for i in 0..<nImage {
            for j in nImage..<total { mask[i, j] = true }
        }

        // Text-to-text (bottom-right): causal, exactly the LLM mask, shifted by nImage.
        for i in nImage..<total {
            for j in (i + 1)..<total { mask[i, j] = true }
        }
        return mask
    }
    // ANCHOR_END: vlm-mask
}
