import Contracts
import Figures

/// Every notebook figure built once (seed 42, and 7 for a seed check). Built in one initializer
/// because building points the process-wide `Pieces` at the implementations.
struct NotebookFigures: Sendable {
    let causal, vit, vlmMask, vlmAttention, compare: Figure
    let causalSeed7: Figure

    static let seed42 = NotebookFigures()

    private init() {
        let pieces = OpsPieces.implementations
        causal = .causalAttention(seed: 42, using: pieces)
        vit = .vitAttention(seed: 42, using: pieces)
        vlmMask = .vlmMaskStructure(using: pieces)
        vlmAttention = .vlmAttention(seed: 42, using: pieces)
        compare = .comparison(seed: 42, using: pieces)
        causalSeed7 = .causalAttention(seed: 7, using: pieces)
    }

    var all: [Figure] { [causal, vit, vlmMask, vlmAttention, compare] }
}
