import Contracts
import Figures
import TensorKit

/// Lesson 3's cells: three masks over image and text tokens, as real models build them.
enum Part3Cells {
    static let all = [
        DemoCell("part3.llava-causal", uses: [.causalMask]) { out, pieces in
            let CausalMask = pieces.causalMask
            // ANCHOR: part3.llava-causal
            // LLaVA-1.5: "<s> system USER: <image> question ASSISTANT:" under the LLM's causal mask.
            let labels = ["<s>", "sys", "USR", "I0", "I1", "I2", "I3", "Q0", "Q1", "AST"]
            let llavaMask = CausalMask.causalMask(seqLen: labels.count)  // lesson 1's mask, nothing new

            out.print(MaskDiagram.grid(llavaMask, labels: labels, groupStarts: [3, 7]))
            out.print("I0 sees I3?", !llavaMask[3, 6], "- patches see only earlier patches")
            out.print("I0 sees sys?", !llavaMask[3, 1], "- and the text before the image")
            // ANCHOR_END: part3.llava-causal
        },
        DemoCell("part3.vlm-mask", uses: [.vlmMask]) { out, pieces in
            let VLMMask = pieces.vlmMask
            // ANCHOR: part3.vlm-mask
            let (nImage, nText) = (4, 4)
            let labels = (0..<nImage).map { "I\($0)" } + (0..<nText).map { "T\($0)" }
            let prefixMask = VLMMask.vlmMask(nImage: nImage, nText: nText)   // [8, 8], true = masked

            out.print(MaskDiagram.grid(prefixMask, labels: labels, groupStarts: [nImage]))
            out.print("masked positions:", prefixMask.trueCount, "=", nImage * nText, "+", nText * (nText - 1) / 2)
            // ANCHOR_END: part3.vlm-mask
        },
        DemoCell("part3.prefix-mask") { out in
            // ANCHOR: part3.prefix-mask
            // The notebook's mask: image block bidirectional and blind to text; text causal.
            let (nImage, nText) = (4, 4)
            let labels = (0..<nImage).map { "I\($0)" } + (0..<nText).map { "T\($0)" }
            let prefixMask = Mask(shape: [nImage + nText, nImage + nText]) { index in
                let (query, key) = (index[0], index[1])
                if key < nImage { return false }       // everyone sees the image
                if query < nImage { return true }      // the image sees no text
                return key > query                     // text is causal
            }

            out.print(MaskDiagram.grid(prefixMask, labels: labels, groupStarts: [nImage]))
            out.print("masked positions:", prefixMask.trueCount, "=", nImage * nText, "+", nText * (nText - 1) / 2)
            // ANCHOR_END: part3.prefix-mask
        },
        DemoCell("part3.gemma3-mask", uses: [.imageBlockMask]) { out, pieces in
            // ANCHOR: part3.gemma3-mask
            // Gemma 3: causal, OR both tokens inside the same image (lesson 3b builds the rule).
            out.mask("gemma3 --types ttiiitt", using: pieces)
            // ANCHOR_END: part3.gemma3-mask
        },
    ]
}
