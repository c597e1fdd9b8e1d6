import Contracts
import Solutions
import TensorKit

// Lesson 3b's mask pieces, each with one classic mistake.

/// Every image token is one block: the images on either side of a text token merge.
enum MergedBlocksImageBlockMask: ImageBlockMaskBuilder {
    static func imageBlockRule(_ layout: TokenLayout) -> AttentionRule {
        .causal || AttentionRule { query, key in layout[query] == .image && layout[key] == .image }
    }
}

/// The answer joins the prefix: everything attends to everything.
enum AnswerInPrefixLMMask: PrefixLMMaskBuilder {
    static func prefixLMRule(_ layout: TokenLayout) -> AttentionRule { .causal || AttentionRule { _, _ in true } }
}

/// `k >= q − window`: one key too many.
enum OffByOneSlidingWindowMask: SlidingWindowMaskBuilder {
    static func slidingWindowRule(window: Int) -> AttentionRule {
        .causal && AttentionRule { query, key in key >= query - window }
    }
    static func localImageRule(_ layout: TokenLayout, window: Int) -> AttentionRule {
        AttentionRule { query, key in key >= query - window } && Pieces.imageBlockRule(layout)
    }
}

/// The window measured forward from the query (`k < q + window`), so it never limits the past.
enum ForwardWindowSlidingWindowMask: SlidingWindowMaskBuilder {
    static func slidingWindowRule(window: Int) -> AttentionRule {
        .causal && AttentionRule { query, key in key < query + window }
    }
    static func localImageRule(_ layout: TokenLayout, window: Int) -> AttentionRule {
        AttentionRule { query, key in key < query + window } && Pieces.imageBlockRule(layout)
    }
}

/// Gemma 3 local as OR(AND(causal, window), same image): the window does not apply inside an image.
enum WindowOutsideImagesSlidingWindowMask: SlidingWindowMaskBuilder {
    static func slidingWindowRule(window: Int) -> AttentionRule { SlidingWindowMask.slidingWindowRule(window: window) }
    static func localImageRule(_ layout: TokenLayout, window: Int) -> AttentionRule {
        let sameImage = AttentionRule { query, key in
            layout[query] == .image && layout[key] == .image
                && !(min(query, key)...max(query, key)).contains { layout[$0] != .image }
        }
        return slidingWindowRule(window: window) || sameImage
    }
}
