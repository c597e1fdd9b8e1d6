import Contracts

/// `prefix-lm-mask`: PaliGemma's rule (causal OR both in the image + prompt prefix) on hand-made
/// layouts against the reference, then on transformers' PaliGemma masks.
enum PrefixLMMaskChecks {
    static let rule: RuleChecks.Rule = { c, impl in impl.prefixLMMask.prefixLMRule(c.layout) }

    static func layouts(_ name: String, _ layouts: [TokenLayout]) -> Check {
        RuleChecks.check(name, layouts.map { RuleCase("\($0)", $0) }, rule: rule, explain: MaskMistakes.prefixLM)
    }

    static var checks: [Check] {
        [
            layouts("image + prompt + answer (iiippttt): the prefix attends both ways, the answer is causal",
                    ["iiippttt"]),
            layouts("the answer stays causal (iipt, ppttt)", ["iipt", "ppttt"]),
            layouts("no answer (iiipp): nothing is masked", ["iiipp"]),
            layouts("no prefix (tttt): the causal mask", ["tttt"]),
            layouts("one token (i, p, t)", ["i", "p", "t"]),
            RuleChecks.transformers("matches transformers' PaliGemma masks (masks/masks.json)", family: "paligemma",
                                    rule: rule, explain: MaskMistakes.prefixLM),
        ]
    }
}
