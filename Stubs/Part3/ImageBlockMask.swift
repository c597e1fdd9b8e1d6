import Contracts
import TensorKit

/// Part 3b — Gemma 3's global layers: causal, OR both tokens in the same image.
///
/// ```
///     query     keys: t t i i i t i i t
///     0 (t)          [ ✓ ✗ ✗ ✗ ✗ ✗ ✗ ✗ ✗ ]   text is causal
///     2 (i)          [ ✓ ✓ ✓ ✓ ✓ ✗ ✗ ✗ ✗ ]   an image sees the text before it and all of itself
///     5 (t)          [ ✓ ✓ ✓ ✓ ✓ ✓ ✗ ✗ ✗ ]   text after it is causal again
///     6 (i)          [ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✗ ]   the second image is a block of its own
/// ```
/// `allows(q, k) = k ≤ q || block[q] == block[k]`, where `block` numbers the maximal runs of image
/// tokens (text has none). Mask `[T, T]`, true = masked.
public enum ImageBlockMask: ImageBlockMaskBuilder {
    // ANCHOR: image-block-mask
    public static func imageBlockRule(_ layout: TokenLayout) -> AttentionRule {
        // TODO: Number the images. Walk the layout (`layout[position] == .image`) and give every
        // image token the number of its image: a new image starts at an image token whose left
        // neighbour is not an image token. Text gets -1.
        // var block = [Int](repeating: -1, count: layout.count)  // [T]

        // TODO: Write the "same image" rule as a predicate over (query, key):
        // let sameImage = AttentionRule { query, key in ... }   // true = may attend

        // TODO: Combine it with the causal rule: Gemma 3 lets a pair through when EITHER allows it.
        // return .causal || sameImage
        todo("image-block-mask")
    }
    // ANCHOR_END: image-block-mask
}
