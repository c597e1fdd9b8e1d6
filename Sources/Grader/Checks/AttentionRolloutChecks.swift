import Contracts
import TensorKit

/// `attention-rollout`: the shape, cases with answers in closed form (uniform attention, tokens
/// that attend to themselves, the order of the product), a seeded random stack and DINOv2's real
/// attentions against float64 numpy, and seeded edge sizes against the reference.
enum AttentionRolloutChecks {
    static let kind = AnalysisKind(
        what: "rollout",
        run: { c, impl in impl.attentionRollout.rollout(c.attentions, gridHeight: c.gridHeight, gridWidth: c.gridWidth) },
        expected: { $0.expected?.rollout },
        shape: { [$0.gridHeight, $0.gridWidth] },
        mistakes: AnalysisMistake.rollout,
        shapeHint: { c, actual in
            let count = actual.reduce(1, *)
            if count == c.tokens { return "that is all T tokens; leave out the class token's own column 0" }
            if count == c.tokens * c.tokens { return "that is the whole of R; return row 0 without column 0" }
            if count == c.gridHeight * c.gridWidth { return "reshape it to [gridHeight, gridWidth]" }
            return nil
        })

    static let seededCases = [
        AnalysisCases.seeded("one layer, one head, 2 × 2 grid", layers: 1, heads: 1, gridHeight: 2, gridWidth: 2, patchSize: 14, seed: 161),
        AnalysisCases.seeded("a 1 × 1 grid", layers: 3, heads: 2, gridHeight: 1, gridWidth: 1, patchSize: 14, seed: 162),
        AnalysisCases.seeded("4 layers, 3 heads, 3 × 5 grid", layers: 4, heads: 3, gridHeight: 3, gridWidth: 5, patchSize: 16, seed: 163),
    ]

    static var checks: [Check] {
        [
            .analysisShape("returns the patch grid: [2, 3] for a 2 × 3 grid", kind) {
                try AnalysisCases.synthetic("seeded random, 2x3 grid", $0)
            },
            .analysis("uniform attention over 5 tokens: 0.15 at every patch (¾ · ⅕)", kind) {
                try AnalysisCases.synthetic("uniform", $0)
            },
            .analysis("tokens that attend only to themselves: 0 at every patch", kind) {
                try AnalysisCases.synthetic("identity", $0)
            },
            .analysis("the last layer multiplies on the left: [0.5, 0], not [0.25, 0.25]", kind) {
                try AnalysisCases.synthetic("multiplication order", $0)
            },
            .analysis("a seeded random 3-layer stack (2 × 3 grid) matches float64 numpy", kind) {
                try AnalysisCases.synthetic("seeded random, 2x3 grid", $0)
            },
            .analysis("DINOv2's 12 layers at 112 px match float64 numpy", kind) { try AnalysisCases.dinov2($0) },
            .analysis("matches the reference: " + seededCases.map(\.label).joined(separator: "; "), kind,
                      cases: { _ in seededCases }),
        ]
    }
}
