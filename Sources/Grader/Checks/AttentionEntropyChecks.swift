import Contracts
import TensorKit

/// `attention-entropy`: the shape, cases with answers in closed form (uniform attention: ln 5;
/// tokens that attend to themselves: 0, with 0 · ln 0 = 0), a seeded random stack with zero weights
/// and DINOv2's real attentions against float64 numpy, and seeded edge sizes against the reference.
enum AttentionEntropyChecks {
    static let kind = AnalysisKind(
        what: "entropy",
        run: { c, impl in impl.attentionEntropy.entropy(c.attentions) },
        expected: { $0.expected?.entropy },
        shape: { [$0.attentions.count, $0.heads] },
        mistakes: AnalysisMistake.entropy,
        shapeHint: { c, actual in
            actual == [c.heads, c.attentions.count] ? "that is [H, L]; the table is one row per layer, [L, H]" : nil
        })

    static let seededCases = [
        AnalysisCases.seeded("one layer, one head, 2 × 2 grid", layers: 1, heads: 1, gridHeight: 2, gridWidth: 2, patchSize: 14, seed: 181),
        AnalysisCases.seeded("a 1 × 1 grid (2 tokens)", layers: 2, heads: 2, gridHeight: 1, gridWidth: 1, patchSize: 14, seed: 182),
        AnalysisCases.seeded("3 layers, 4 heads, 3 × 5 grid", layers: 3, heads: 4, gridHeight: 3, gridWidth: 5, patchSize: 16, seed: 183),
    ]

    static var checks: [Check] {
        [
            .analysisShape("returns one row per layer, one column per head: [3, 2]", kind) {
                try AnalysisCases.synthetic("seeded random, 2x3 grid", $0)
            },
            .analysis("uniform attention over 5 tokens: ln 5 ≈ 1.609 nats", kind) {
                try AnalysisCases.synthetic("uniform", $0)
            },
            .analysis("tokens that attend only to themselves: 0 (0 · ln 0 counts as 0)", kind) {
                try AnalysisCases.synthetic("identity", $0)
            },
            .analysis("queries split between the class token and patches: every key and query counts", kind) {
                try AnalysisCases.synthetic("exclusion and renormalisation", $0)
            },
            .analysis("a seeded random 3-layer stack with zero weights matches float64 numpy", kind) {
                try AnalysisCases.synthetic("seeded random, 2x3 grid", $0)
            },
            .analysis("DINOv2's 12 layers at 112 px match float64 numpy", kind) { try AnalysisCases.dinov2($0) },
            .analysis("matches the reference: " + seededCases.map(\.label).joined(separator: "; "), kind,
                      cases: { _ in seededCases }),
        ]
    }
}
