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
public enum ImageBlockMask {
    // ANCHOR: image-block-mask
    public static func imageBlockRule(_ layout: TokenLayout) -> AttentionRule {
        // Number the images: a new block starts at an image token whose left neighbour is not one.
        // transformers does the same (`get_block_sequence_ids_for_mask`), with -1 for text.
        var block = [Int](repeating: -1, count: layout.count)  // [T]
        var images = 0
        for position in layout.indices where layout[position] == .image {
            let continues = position > 0 && layout[position - 1] == .image
            if !continues { images += 1 }
            block[position] = images - 1
        }

        // Same image: both tokens carry the same block number (text's -1 never matches).
        let sameImage = AttentionRule { query, key in block[query] >= 0 && block[query] == block[key] }
        return .causal || sameImage
    }
    // ANCHOR_END: image-block-mask
}
