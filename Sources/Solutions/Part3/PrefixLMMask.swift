import Contracts
import TensorKit

/// Part 3b — PaliGemma's prefix-LM: the image and the prompt (`i`, `p`) form one prefix that
/// attends both ways; the answer (`t`) is causal and sees the whole prefix.
///
/// ```
///          i i p p t t
///     i  [ ✓ ✓ ✓ ✓ ✗ ✗ ]   the prefix sees the whole prefix
///     p  [ ✓ ✓ ✓ ✓ ✗ ✗ ]   ...but never the answer
///     t  [ ✓ ✓ ✓ ✓ ✓ ✗ ]   the answer is causal
/// ```
/// `allows(q, k) = k ≤ q || (q and k are both prefix tokens)`. Mask `[T, T]`, true = masked.
public enum PrefixLMMask {
    // ANCHOR: prefix-lm-mask
    public static func prefixLMRule(_ layout: TokenLayout) -> AttentionRule {
        // transformers marks the prefix with token_type_ids == 0: the image and the prompt.
        let inPrefix = layout.map { $0 != .text }  // [T]
        let bothInPrefix = AttentionRule { query, key in inPrefix[query] && inPrefix[key] }
        // The answer is generated token by token, so it can only be causal.
        return .causal || bothInPrefix
    }
    // ANCHOR_END: prefix-lm-mask
}
