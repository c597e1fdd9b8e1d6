import Contracts
import Foundation
import Grader
import Solutions
import TensorKit
import Testing
import TestSupport

/// Every reference solution passes every check (both halves in one process, no isolation
/// machinery), and matches PyTorch's fixtures.
///
/// The checks seed and draw from the process-wide default generator (`manualSeed(42)`, then the
/// layers' default initialisation), as the notebook does. Other suites draw from it in parallel, so
/// those runs happen in exit tests: each in a process of its own, with nothing else drawing.
@Suite struct SolutionsTests {
    /// Runs `piece`'s checks on the reference in this process, naming each failure on stderr.
    static func verify(_ piece: PieceID) {
        Reference.activate()
        let context = CheckContext(fixtures: Fixtures.directory)
        let checks = PieceChecks.checks(for: piece)
        if checks.count < 5 { FileHandle.standardError.write(Data("\(piece.rawValue) has only \(checks.count) checks\n".utf8)) }
        for check in checks {
            let result = check.verdict(check.observe(Reference.implementations, context), context)
            if result.status != .pass {
                FileHandle.standardError.write(Data("\(piece.rawValue) / \(check.name): \(result.message)\n".utf8))
            }
        }
    }

    /// The exit test ran to the end and reported nothing on stderr.
    static func expectSuccess(_ result: ExitTest.Result?) {
        let failures = result.map { String(decoding: $0.standardErrorContent, as: UTF8.self) }
        #expect(failures == "", "\(failures ?? "the exit test did not exit normally")")
    }

    @Test(arguments: PieceID.allCases) func referencePassesEveryCheck(_ piece: PieceID) async {
        Self.expectSuccess(await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) { [piece] in
            SolutionsTests.verify(piece)
        })
    }

    @Test func attentionMatchesPyTorchsCausalDemo() throws {
        let file = try Fixtures.safetensors("part1_causal.safetensors")
        let result = ScaledDotProductAttention.attention(q: try file.tensor("q"), k: try file.tensor("k"),
                                                         v: try file.tensor("v"), mask: CausalMask.causalMask(seqLen: 8))
        #expect(try file.mask("mask") == CausalMask.causalMask(seqLen: 8))
        #expect(result.weights.isClose(to: try file.tensor("attn_weights"), rtol: 1e-5, atol: 1e-5))
        #expect(result.output.isClose(to: try file.tensor("output"), rtol: 1e-5, atol: 1e-5))
    }

    @Test func vlmMasksMatchPyTorch() throws {
        let file = try Fixtures.safetensors("part3_vlm_mask.safetensors")
        for (i, t) in [(4, 4), (9, 6), (6, 6), (0, 5), (5, 0), (1, 1)] {
            let expected = try file.mask("mask_\(i)_\(t)")
            #expect(VLMMask.vlmMask(nImage: i, nText: t) == expected)
        }
    }

    @Test func partFiveComparisonMatchesPyTorch() throws {
        let file = try Fixtures.safetensors("part5_comparison.safetensors")
        let (q, k, v) = (try file.tensor("q"), try file.tensor("k"), try file.tensor("v"))
        let llm = ScaledDotProductAttention.attention(q: q, k: k, v: v, mask: CausalMask.causalMask(seqLen: 12)).weights
        let vit = ScaledDotProductAttention.attention(q: q, k: k, v: v, mask: nil).weights
        let vlm = ScaledDotProductAttention.attention(q: q, k: k, v: v, mask: VLMMask.vlmMask(nImage: 6, nText: 6)).weights
        #expect(llm.select(0, 0).isClose(to: try file.tensor("llm_attn"), rtol: 1e-5, atol: 1e-5))
        #expect(vit.select(0, 0).isClose(to: try file.tensor("vit_attn"), rtol: 1e-5, atol: 1e-5))
        #expect(vlm.select(0, 0).isClose(to: try file.tensor("vlm_attn"), rtol: 1e-5, atol: 1e-5))
    }

    @Test func seededVLMAttentionReproducesPyTorch() async {
        Self.expectSuccess(await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            do {
                try SolutionsTests.seededVLMAttention()
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
            }
        })
    }

    /// `manualSeed(42)`, `VLMAttention(64, 4)`, then 9 image and 6 text tokens, as the notebook's cell.
    static func seededVLMAttention() throws {
        Reference.activate()
        let file = try Fixtures.safetensors("part3_vlm_attention.safetensors")
        manualSeed(42)
        let attention = VLMAttention(dModel: 64, numHeads: 4)
        let image = Tensor.randn([1, 9, 64]), text = Tensor.randn([1, 6, 64])
        let result = attention(Tensor.cat([image, text], axis: 1), nImageTokens: 9)
        let comparisons = [
            ("image tokens", image, try file.tensor("image_tokens")), ("text tokens", text, try file.tensor("text_tokens")),
            ("W_o.weight", attention.W_o.weight, try file.tensor("W_o.weight")),
            ("output", result.output, try file.tensor("output")), ("attn_weights", result.weights, try file.tensor("attn_weights")),
        ]
        for (name, actual, expected) in comparisons where !actual.isClose(to: expected, rtol: 1e-5, atol: 1e-5) {
            FileHandle.standardError.write(Data("\(name) differs from PyTorch: \(actual.difference(from: expected).map { "\($0)" } ?? "shape")\n".utf8))
        }
    }
}
