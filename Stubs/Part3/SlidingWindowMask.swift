import Contracts
import TensorKit

/// Part 3b — sliding windows: a query sees itself and the `window − 1` tokens before it.
///
/// ```
///     window 3       Mistral: causal AND window
///     0  [ ✓ ✗ ✗ ✗ ✗ ]
///     1  [ ✓ ✓ ✗ ✗ ✗ ]
///     2  [ ✓ ✓ ✓ ✗ ✗ ]
///     3  [ ✗ ✓ ✓ ✓ ✗ ]   key 0 is 3 back: outside
///     4  [ ✗ ✗ ✓ ✓ ✓ ]
/// ```
/// - Mistral: `allows(q, k) = k ≤ q && k > q − window`.
/// - Gemma 3 local layers: `k > q − window && (k ≤ q || same image)`; the window only looks back.
public enum SlidingWindowMask: SlidingWindowMaskBuilder {
    // ANCHOR: sliding-window-mask
    public static func slidingWindowRule(window: Int) -> AttentionRule {
        // TODO: A rule for the window alone: which keys are close enough behind the query?
        // Count carefully: with window 3, query 5 sees keys 3, 4 and 5.

        // TODO: Combine it with `.causal` (AND: both must allow the pair).
        todo("sliding-window-mask")
    }

    public static func localImageRule(_ layout: TokenLayout, window: Int) -> AttentionRule {
        // TODO: Gemma 3's local layers: the same window, AND the Gemma 3 global rule of your
        // image-block-mask, `Pieces.imageBlockRule(layout)`. The window limits how far BACK a query
        // looks; what it may see ahead is the global rule's business.
        todo("sliding-window-mask")
    }
    // ANCHOR_END: sliding-window-mask
}
