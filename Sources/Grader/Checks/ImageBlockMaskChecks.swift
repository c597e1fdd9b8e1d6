import Contracts

/// `image-block-mask`: Gemma 3's global rule (causal OR same image) on hand-made layouts against the
/// reference, then on transformers' Gemma 3 masks.
enum ImageBlockMaskChecks {
    static let rule: RuleChecks.Rule = { c, impl in impl.imageBlockMask.imageBlockRule(c.layout) }

    static func layouts(_ name: String, _ layouts: [TokenLayout]) -> Check {
        RuleChecks.check(name, layouts.map { RuleCase("\($0)", $0) }, rule: rule, explain: MaskMistakes.imageBlock)
    }

    static var checks: [Check] {
        [
            layouts("no image (tttttt): the causal mask", ["tttttt"]),
            layouts("an image after text (ttiiitt) sees the text before it and all of itself", ["ttiiitt"]),
            layouts("image first (iiittt) and image last (tttiii)", ["iiittt", "tttiii"]),
            layouts("two images one text token apart stay two images (ttiiitiitt)", ["ttiiitiitt"]),
            layouts("one-token images, runs of 2 and 3, only image (ttitt, tiitiiit, iiii, i)",
                    ["ttitt", "tiitiiit", "iiii", "i"]),
            RuleChecks.transformers("matches transformers' Gemma 3 global masks (masks/masks.json)", family: "gemma3",
                                    rule: rule, explain: MaskMistakes.imageBlock),
        ]
    }
}
