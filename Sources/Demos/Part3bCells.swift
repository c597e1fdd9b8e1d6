import Figures

/// Lesson 3b's cells: the masks real VLMs use, drawn as `vlm-course mask` draws them, with the
/// learner's pieces once they pass (the reference before).
enum Part3bCells {
    static let all = [
        DemoCell("part3b.llava-mask", uses: []) { out, pieces in
            // ANCHOR: part3b.llava-mask
            // "USER: <image>\n What is this? ASSISTANT:" with 4 image tokens: the causal mask.
            out.mask("llava --types tttiiiitttt", using: pieces)
            // ANCHOR_END: part3b.llava-mask
        },
        DemoCell("part3b.gemma3-mask", uses: [.imageBlockMask]) { out, pieces in
            // ANCHOR: part3b.gemma3-mask
            // Two images, one text token apart, in Gemma 3's global layers.
            out.mask("gemma3 --types ttiiitiitt", using: pieces)
            // ANCHOR_END: part3b.gemma3-mask
        },
        DemoCell("part3b.paligemma-mask", uses: [.prefixLMMask]) { out, pieces in
            // ANCHOR: part3b.paligemma-mask
            // PaliGemma: image, prompt ("caption en\n"), answer.
            out.mask("paligemma --types iiiippttt", using: pieces)
            // ANCHOR_END: part3b.paligemma-mask
        },
        DemoCell("part3b.local-mask", uses: [.imageBlockMask, .slidingWindowMask]) { out, pieces in
            // ANCHOR: part3b.local-mask
            // Gemma 3's local layers: a window of 3 over text, a 5-token image, text.
            out.mask("gemma3-local --types ttiiiiitt --window 3", using: pieces)
            // ANCHOR_END: part3b.local-mask
        },
        DemoCell("part3b.families", uses: [.imageBlockMask, .prefixLMMask, .slidingWindowMask]) { out, pieces in
            // ANCHOR: part3b.families
            // Every family on one layout (p reads as text outside PaliGemma).
            out.mask("--all --types iippttt --window 3 --chunk 4", using: pieces)
            // ANCHOR_END: part3b.families
        },
    ]
}
