import Figures

/// Lesson 3b's cells: the masks real VLMs use, drawn as `vlm-course mask` draws them.
enum Part3bCells {
    static let all = [
        DemoCell("part3b.llava-mask") { out in
            // ANCHOR: part3b.llava-mask
            // "USER: <image>\n What is this? ASSISTANT:" with 4 image tokens: the causal mask.
            out.mask("llava --types tttiiiitttt")
            // ANCHOR_END: part3b.llava-mask
        },
        DemoCell("part3b.gemma3-mask") { out in
            // ANCHOR: part3b.gemma3-mask
            // Two images, one text token apart, in Gemma 3's global layers.
            out.mask("gemma3 --types ttiiitiitt")
            // ANCHOR_END: part3b.gemma3-mask
        },
        DemoCell("part3b.paligemma-mask") { out in
            // ANCHOR: part3b.paligemma-mask
            // PaliGemma: image, prompt ("caption en\n"), answer.
            out.mask("paligemma --types iiiippttt")
            // ANCHOR_END: part3b.paligemma-mask
        },
        DemoCell("part3b.local-mask") { out in
            // ANCHOR: part3b.local-mask
            // Gemma 3's local layers: a window of 3 over text, a 5-token image, text.
            out.mask("gemma3-local --types ttiiiiitt --window 3")
            // ANCHOR_END: part3b.local-mask
        },
        DemoCell("part3b.families") { out in
            // ANCHOR: part3b.families
            // Every family on one layout (p reads as text outside PaliGemma).
            out.mask("--all --types iippttt --window 3 --chunk 4")
            // ANCHOR_END: part3b.families
        },
    ]
}
