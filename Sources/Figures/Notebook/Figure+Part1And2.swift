import Contracts
import TensorKit

extension Figure {
    /// Part 1: the causal self-attention of an LLM.
    ///
    /// ```
    /// manualSeed(seed); q, k, v = randn(1, 8, 64) ×3
    /// weights = attention(q, k, v, causalMask(8))[0]      // [8, 8], upper triangle 0
    /// ```
    /// - Throws: `FigureError.unexpectedShape` when a piece returns the wrong shape.
    public static func causalAttention(seed: UInt64, using pieces: Implementations) throws(FigureError) -> Figure {
        Pieces.install(pieces)
        let (T, C) = (8, 64)
        manualSeed(seed)
        let q = randn([1, T, C]), k = randn([1, T, C]), v = randn([1, T, C])  // [1, T, C] each
        let mask = pieces.causalMask.causalMask(seqLen: T)                          // [T, T]
        let (_, weights) = pieces.attention.attention(q: q, k: k, v: v, mask: mask)  // [1, T, T]
        return causalAttention(weights: try weights.checked("the attention weights", is: [1, T, T]).select(0, 0).rows,
                               seed: seed)
    }

    /// The Part 1 figure of `weights` (`[T][T]`): `imshow(cmap='Blues', vmin=0, vmax=0.5)`, 6×5 inches.
    public static func causalAttention(weights: [[Float]], seed: UInt64?) -> Figure {
        let panel = Panel(title: "LLM: Causal Self-Attention", xLabel: "Key Position (past → future)",
                          yLabel: "Query Position", data: weights, vmin: 0, vmax: 0.5)
        return Figure(name: FigureName.causal.rawValue, seed: seed, panels: [panel], size: Size(width: 6, height: 5),
                      notes: ["", "Key insight: Upper triangle is zero (cannot attend to future tokens)"])
    }

    /// Part 2: bidirectional attention of a ViT, head 0.
    ///
    /// ```
    /// manualSeed(seed); attention = ViTAttention(64, 4); x = randn(1, 16, 64)
    /// weights = attention(x).weights[0, 0]                // [16, 16], no zeros
    /// ```
    /// - Throws: `FigureError.unexpectedShape` when a piece returns the wrong shape.
    public static func vitAttention(seed: UInt64, using pieces: Implementations) throws(FigureError) -> Figure {
        Pieces.install(pieces)
        let (N, C, H) = (16, 64, 4)
        manualSeed(seed)
        let attention = pieces.vitAttention.init(embedDim: C, numHeads: H)  // weights drawn first
        let patchTokens = randn([1, N, C])                                    // [1, N, C]
        let (_, weights) = attention(patchTokens)                             // [1, H, N, N]
        let headZero = try weights.checked("ViTAttention's weights", is: [1, H, N, N]).select(0, 0).select(0, 0)
        return vitAttention(headZero: headZero.rows, seed: seed)
    }

    /// The Part 2 figure of head 0's weights (`[N][N]`): `imshow(cmap='Blues', vmin=0, vmax=0.3)`, 6×5 inches.
    public static func vitAttention(headZero: [[Float]], seed: UInt64?) -> Figure {
        let panel = Panel(title: "ViT: Bidirectional Attention (Head 0)", xLabel: "Key Patch",
                          yLabel: "Query Patch", data: headZero, vmin: 0, vmax: 0.3)
        return Figure(name: FigureName.vit.rawValue, seed: seed, panels: [panel], size: Size(width: 6, height: 5),
                      notes: ["", "Key insight: NO zeros in the matrix - all patches attend to all patches!",
                              "This is bidirectional attention (no causal mask)."])
    }

    /// `torch.randn(shape)` from the default (seeded) generator.
    static func randn(_ shape: [Int]) -> Tensor { RandomGenerator.default.randn(shape) }
}
