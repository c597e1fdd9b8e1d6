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
public enum PrefixLMMask: PrefixLMMaskBuilder {
    // ANCHOR: prefix-lm-mask
    public static func prefixLMRule(_ layout: TokenLayout) -> AttentionRule {
        // TODO: Mark which tokens are in the prefix: every image (.image) and prompt (.prompt)
        // token, wherever it stands. The answer (.text) is not.

        // TODO: A rule that allows a pair when both tokens are in the prefix, combined with
        // `.causal` so that the answer sees everything before it.
        todo("prefix-lm-mask")
    }
    // ANCHOR_END: prefix-lm-mask
}
