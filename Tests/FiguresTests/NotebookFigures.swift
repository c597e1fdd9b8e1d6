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
        do {
            causal = try .causalAttention(seed: 42, using: pieces)
            vit = try .vitAttention(seed: 42, using: pieces)
            vlmMask = try .vlmMaskStructure(using: pieces)
            vlmAttention = try .vlmAttention(seed: 42, using: pieces)
            compare = try .comparison(seed: 42, using: pieces)
            causalSeed7 = try .causalAttention(seed: 7, using: pieces)
        } catch {
            fatalError("the reference pieces made a figure of the wrong shape: \(error)")
        }
    }

    var all: [Figure] { [causal, vit, vlmMask, vlmAttention, compare] }
}
