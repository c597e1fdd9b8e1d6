import TensorKit

/// Which keys a query may attend to, as a predicate: `allows(q, k)` is true when query `q` may attend
/// to key `k`. This is transformers' mask function (`masking_utils.py`, `(batch, head, q_idx, kv_idx)
/// -> bool`) and FlexAttention's `mask_mod`, for one sequence: rules are written per pair and combined
/// with `&&` (`and_masks`) and `||` (`or_masks`); `mask(queries:keys:)` materialises one as the
/// course's `Mask` (true = masked), once, in course code.
///
/// Note the two conventions: a rule says where attention is **allowed**; a `Mask` says where it is
/// **masked**. `mask` is the one place that flips them. A rule is an ordinary closure (not
/// `@Sendable`), so it may capture the arrays a piece computes for its layout.
public struct AttentionRule {
    public let allows: (_ query: Int, _ key: Int) -> Bool

    public init(_ allows: @escaping (_ query: Int, _ key: Int) -> Bool) { self.allows = allows }

    /// An LLM's causal rule: `k ≤ q` (transformers' `causal_mask_function`).
    public static var causal: AttentionRule { AttentionRule { query, key in key <= query } }

    /// Both rules allow the pair (`and_masks`).
    public static func && (a: AttentionRule, b: AttentionRule) -> AttentionRule {
        AttentionRule { query, key in a.allows(query, key) && b.allows(query, key) }
    }

    /// Either rule allows the pair (`or_masks`).
    public static func || (a: AttentionRule, b: AttentionRule) -> AttentionRule {
        AttentionRule { query, key in a.allows(query, key) || b.allows(query, key) }
    }

    /// The rule as a `[queries, keys]` mask: `mask[q, k] = !allows(q, k)` (true = masked).
    public func mask(queries: Int, keys: Int) -> Mask {
        var masked: [Bool] = []
        masked.reserveCapacity(queries * keys)
        for query in 0..<queries {
            for key in 0..<keys { masked.append(!allows(query, key)) }
        }
        return Mask(shape: [queries, keys], values: masked)
    }

    /// The rule as a `[T, T]` self-attention mask (true = masked).
    public func mask(length: Int) -> Mask { mask(queries: length, keys: length) }
}
