import Contracts
import Figures
import TensorKit

/// Lesson 1's cells: the causal mask of a decoder-only LLM.
enum Part1Cells {
    static let all = [
        DemoCell("part1.causal-demo", uses: [.causalMask]) { out, pieces in
            let CausalMask = pieces.causalMask
            // ANCHOR: part1.causal-demo
            let seqLen = 8
            let causalMask = CausalMask.causalMask(seqLen: seqLen)  // [8, 8], true = masked

            out.print("Causal mask for an LLM (1 = cannot attend):")
            out.print(MaskDiagram.bits(causalMask))
            out.print("(0, 0) masked:", causalMask[0, 0], "- a token sees itself")
            out.print("(0, 1) masked:", causalMask[0, 1], "- token 0 cannot see token 1, its future")
            out.print("(7, 0) masked:", causalMask[7, 0], "- the last token sees the first")
            out.print("masked positions:", causalMask.trueCount, "=", seqLen * (seqLen - 1) / 2)
            // ANCHOR_END: part1.causal-demo
        },
    ]
}
