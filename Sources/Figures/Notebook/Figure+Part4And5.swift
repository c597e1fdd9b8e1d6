import Contracts
import TensorKit

extension Figure {
    /// Part 4: a pretrained CLIP ViT's attention, averaged over heads, at six depths on a 2×3 grid.
    ///
    /// Panels are the notebook's layers `[0, 3, 6, 9, 11, -1]` ("Layer 1" … "Layer 12", "Last Layer"),
    /// keeping those the model has; `imshow(cmap='Blues', vmin=0, vmax=0.1)`, no colour bars; 14×10 inches.
    /// - Parameter layerAttentions: one `[1, H, T, T]` attention tensor per encoder layer.
    public static func clipLayers(layerAttentions: [Tensor]) -> Figure {
        precondition(!layerAttentions.isEmpty, "clipLayers: needs at least one layer's attention")
        let count = layerAttentions.count
        let picks: [(index: Int, name: String)] = [
            (0, "Layer 1"), (3, "Layer 4"), (6, "Layer 7"), (9, "Layer 10"), (11, "Layer 12"),
            (count - 1, "Last Layer"),
        ].filter { $0.index < count }
        let panels = picks.map { pick in
            let average = layerAttentions[pick.index].select(0, 0).mean(axis: 0)  // [T, T]
            return Panel(title: pick.name, xLabel: "Key", yLabel: "Query", data: average.rows, vmin: 0, vmax: 0.1,
                         hasColorBar: false)
        }
        return Figure(name: FigureName.clipLayers.rawValue, seed: nil,
                      suptitle: "ViT Attention Patterns Across Layers (CLIP)", panels: panels, gridColumns: 3,
                      size: Size(width: 14, height: 10), notes: [
                          "", "Observations:",
                          "- Early layers: More uniform attention, local patterns",
                          "- Later layers: More specialized, global patterns",
                          "- CLS token (row/col 0): Aggregates information from all patches",
                      ])
    }

    /// Part 5: LLM, ViT and VLM attention from one set of scores, side by side.
    ///
    /// ```
    /// manualSeed(seed); q, k, v = randn(1, 12, 64) ×3
    /// LLM: attention(q, k, v, causalMask(12));  ViT: no mask;  VLM: vlmMask(6, 6)
    /// ```
    /// - Throws: `FigureError.unexpectedShape` when a piece returns the wrong shape.
    public static func comparison(seed: UInt64, using pieces: Implementations) throws(FigureError) -> Figure {
        Pieces.install(pieces)
        let (T, C, nImage) = (12, 64, 6)
        manualSeed(seed)
        let q = randn([1, T, C]), k = randn([1, T, C]), v = randn([1, T, C])  // [1, T, C] each
        func weights(_ mask: Mask?) throws(FigureError) -> [[Float]] {
            let weights = pieces.attention.attention(q: q, k: k, v: v, mask: mask).weights  // [1, T, T]
            return try weights.checked("the attention weights", is: [1, T, T]).select(0, 0).rows
        }
        return comparison(llm: try weights(pieces.causalMask.causalMask(seqLen: T)), vit: try weights(nil),
                          vlm: try weights(pieces.vlmMask.vlmMask(nImage: nImage, nText: T - nImage)),
                          imageTokens: nImage, seed: seed)
    }

    /// The Part 5 figure: three `imshow(cmap='Blues', vmin=0, vmax=0.5)` panels with colour bars,
    /// the VLM one with red dashed separators after the image tokens; suptitle "Attention Pattern
    /// Comparison"; 15×5 inches. The notes are the notebook's summary table.
    public static func comparison(llm: [[Float]], vit: [[Float]], vlm: [[Float]], imageTokens nImage: Int,
                                  seed: UInt64?) -> Figure {
        func panel(_ title: String, _ data: [[Float]], _ separators: [Separator] = []) -> Panel {
            Panel(title: title, isTitleBold: true, xLabel: "Key", yLabel: "Query", data: data, vmin: 0, vmax: 0.5,
                  separators: separators)
        }
        return Figure(name: FigureName.compare.rawValue, seed: seed, suptitle: "Attention Pattern Comparison",
                      panels: [panel("LLM: Causal Attention", llm), panel("ViT: Bidirectional Attention", vit),
                               panel("VLM: Mixed Attention (prefix mask)", vlm,
                                     [Separator(index: nImage, style: .dashed, color: .red)])],
                      gridColumns: 3, size: Size(width: 15, height: 5), notes: ComparisonTable.lines)
    }
}
