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
public enum SlidingWindowMask {
    // ANCHOR: sliding-window-mask
    public static func slidingWindowRule(window: Int) -> AttentionRule {
        .causal && lookBack(window)
    }

    public static func localImageRule(_ layout: TokenLayout, window: Int) -> AttentionRule {
        // Your Gemma 3 global rule (or the reference's), cut to the window.
        lookBack(window) && Pieces.imageBlockRule(layout)
    }

    /// transformers' `sliding_window_overlay`: keys fewer than `window` positions back. It says
    /// nothing about later keys: causality (or an image block) decides those.
    private static func lookBack(_ window: Int) -> AttentionRule {
        AttentionRule { query, key in key > query - window }
    }
    // ANCHOR_END: sliding-window-mask
}
