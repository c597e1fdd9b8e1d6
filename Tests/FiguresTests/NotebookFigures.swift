import Figures
import TensorKit
import TestSupport

/// The notebook's figures assembled from the PyTorch fixtures' numbers, for rendering tests.
///
/// Rendering tests never draw random numbers: the process-wide generator is shared with suites
/// running in parallel. The seeded builders are checked against the same fixtures in exit tests
/// (`FigureDataTests`), each in a process of its own.
struct NotebookFigures: Sendable {
    let causal, vit, vlmMask, vlmAttention, compare: Figure

    static let seed42 = NotebookFigures()

    private init() {
        func rows(_ file: String, _ name: String, _ select: (Tensor) -> Tensor) -> [[Float]] {
            do {
                let tensor = select(try Fixtures.tensor(file, name))
                return (0..<tensor.dim(0)).map { row in (0..<tensor.dim(1)).map { tensor[row, $0] } }
            } catch {
                fatalError("cannot read fixture \(file) \(name): \(error)")
            }
        }
        causal = .causalAttention(weights: rows("part1_causal.safetensors", "attn_weights") { $0.select(0, 0) },
                                  seed: 42)
        vit = .vitAttention(headZero: rows("part2_vit_attention.safetensors", "attn_weights") {
            $0.select(0, 0).select(0, 0)
        }, seed: 42)
        do {
            let mask = try Fixtures.safetensors("part3_vlm_mask.safetensors").mask("mask_4_4").asFloat
            vlmMask = .vlmMaskStructure(mask: (0..<8).map { row in (0..<8).map { mask[row, $0] } }, imageTokens: 4)
        } catch {
            fatalError("cannot read fixture part3_vlm_mask.safetensors mask_4_4: \(error)")
        }
        vlmAttention = .vlmAttention(headMean: rows("part3_vlm_attention.safetensors", "attn_weights") {
            $0.select(0, 0).mean(axis: 0)
        }, imageTokens: 9, seed: 42)
        let part5 = "part5_comparison.safetensors"
        compare = .comparison(llm: rows(part5, "llm_attn") { $0 }, vit: rows(part5, "vit_attn") { $0 },
                              vlm: rows(part5, "vlm_attn") { $0 }, imageTokens: 6, seed: 42)
    }

    var all: [Figure] { [causal, vit, vlmMask, vlmAttention, compare] }
}
