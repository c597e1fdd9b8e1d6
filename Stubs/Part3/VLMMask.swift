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
public enum VLMMask: VLMMaskBuilder {
    // ANCHOR: vlm-mask
    public static func vlmMask(nImage: Int, nText: Int) -> Mask {
        // Start with all false (everyone can attend); `mask[i, j] = true` masks one position.
        // let total = nImage + nText
        // var mask = Mask(repeating: false, shape: [total, total])  // [I + T, I + T]

        // TODO: Image-to-text quadrant (top-right): MASKED.
        // Image tokens come first, so they cannot see the text that follows.

        // TODO: Text-to-text quadrant (bottom-right): CAUSAL.
        // Text token i cannot see text tokens after it (j > i).

        // Note: image-to-image (top-left) stays false (bidirectional), and text-to-image
        // (bottom-left) stays false (text sees the whole image).
        // return mask
        todo("vlm-mask")
    }
    // ANCHOR_END: vlm-mask
}
