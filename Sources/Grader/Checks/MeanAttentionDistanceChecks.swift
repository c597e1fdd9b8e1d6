import Contracts
import TensorKit

/// `mean-attention-distance`: the shape, cases with answers in closed form (uniform attention,
/// tokens that attend to themselves, queries that look at the class token), a seeded random stack
/// and DINOv2's real attentions against float64 numpy, and seeded edge sizes against the reference.
enum MeanAttentionDistanceChecks {
    static let kind = AnalysisKind(
        what: "mean distance",
        run: { c, impl in
            impl.attentionDistance.meanDistance(c.attentions, gridHeight: c.gridHeight, gridWidth: c.gridWidth,
                                                patchSize: c.patchSize)
        },
        expected: { $0.expected?.meanDistance },
        shape: { [$0.attentions.count, $0.heads] },
        mistakes: AnalysisMistake.meanDistance,
        shapeHint: { c, actual in
            actual == [c.heads, c.attentions.count] ? "that is [H, L]; the table is one row per layer, [L, H]" : nil
        })

    static let seededCases = [
        AnalysisCases.seeded("one layer, one head, 2 × 2 grid", layers: 1, heads: 1, gridHeight: 2, gridWidth: 2, patchSize: 14, seed: 171),
        AnalysisCases.seeded("a 1 × 1 grid: distance 0", layers: 2, heads: 2, gridHeight: 1, gridWidth: 1, patchSize: 14, seed: 172),
        AnalysisCases.seeded("2 layers, 3 heads, 3 × 5 grid of 16-pixel patches", layers: 2, heads: 3, gridHeight: 3, gridWidth: 5,
                             patchSize: 16, seed: 173),
    ]

    static var checks: [Check] {
        [
            .analysisShape("returns one row per layer, one column per head: [3, 2]", kind) {
                try AnalysisCases.synthetic("seeded random, 2x3 grid", $0)
            },
            .analysis("uniform attention on a 2 × 2 grid of 10-pixel patches: (20 + 10√2) / 4 pixels", kind) {
                try AnalysisCases.synthetic("uniform", $0)
            },
            .analysis("tokens that attend only to themselves: distance 0", kind) {
                try AnalysisCases.synthetic("identity", $0)
            },
            .analysis("weights on the class token are dropped and the rest renormalised; a query that looks only "
                      + "at the class token is left out", kind) {
                try AnalysisCases.synthetic("exclusion and renormalisation", $0)
            },
            .analysis("a seeded random 3-layer stack (2 × 3 grid, 8-pixel patches) matches float64 numpy", kind) {
                try AnalysisCases.synthetic("seeded random, 2x3 grid", $0)
            },
            .analysis("DINOv2's 12 layers at 112 px match float64 numpy", kind) { try AnalysisCases.dinov2($0) },
            .analysis("matches the reference: " + seededCases.map(\.label).joined(separator: "; "), kind,
                      cases: { _ in seededCases }),
        ]
    }
}
