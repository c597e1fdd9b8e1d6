import Contracts

/// `sliding-window-mask`: Mistral's window (causal AND k > q − window) and Gemma 3's local rule
/// (window AND (causal OR same image)) on hand-made layouts against the reference, then on
/// transformers' Mistral and Gemma 3 local masks.
enum SlidingWindowMaskChecks {
    static let mistralRule: RuleChecks.Rule = { c, impl in impl.slidingWindowMask.slidingWindowRule(window: c.window ?? 1) }
    static let localRule: RuleChecks.Rule = { c, impl in
        impl.slidingWindowMask.localImageRule(c.layout, window: c.window ?? 1)
    }

    static func windows(_ name: String, _ layout: TokenLayout, _ windows: [Int]) -> Check {
        RuleChecks.check(name, windows.map { RuleCase("\(layout), window \($0)", layout, window: $0) },
                         rule: mistralRule, explain: MaskMistakes.slidingWindow)
    }

    static func local(_ name: String, _ cases: [(TokenLayout, Int)]) -> Check {
        RuleChecks.check(name, cases.map { RuleCase("Gemma 3 local, \($0.0), window \($0.1)", $0.0, window: $0.1) },
                         rule: localRule, explain: MaskMistakes.localImage)
    }

    static var checks: [Check] {
        [
            windows("window 1: each token sees only itself (tttttt)", "tttttt", [1]),
            windows("window 3 over 8 tokens: the query and the 2 tokens before it", "tttttttt", [3]),
            windows("a window longer than the sequence (12 over 8 tokens) is the causal mask", "tttttttt", [12]),
            local("Gemma 3 local: an image sees its own later tokens, and no further back than the window "
                    + "(ttiiiitt, window 2)", [("ttiiiitt", 2)]),
            local("Gemma 3 local: two images one text token apart (ttiiitiitt), windows 1 and 3",
                  [("ttiiitiitt", 1), ("ttiiitiitt", 3)]),
            local("Gemma 3 local: a window longer than the sequence is Gemma 3's global mask (tiitiiit, window 12)",
                  [("tiitiiit", 12)]),
            RuleChecks.transformers("matches transformers' Mistral sliding-window masks (masks/masks.json)",
                                    family: "sliding", rule: mistralRule, explain: MaskMistakes.slidingWindow),
            RuleChecks.transformers("matches transformers' Gemma 3 local masks (masks/masks.json)",
                                    family: "gemma3-local", rule: localRule, explain: MaskMistakes.localImage),
        ]
    }
}
