import Contracts
import Solutions
import TensorKit

/// `gated-cross-attention`: the image rule against transformers' processor and the reference, the
/// layer against transformers' `MllamaCrossAttentionDecoderLayer` on the rows that see an image, the
/// rows that see none, the gate, seeded cases against the reference, and a layout with no image.
enum GatedCrossAttentionChecks {
    static let imageRule: RuleChecks.Rule = { c, impl in impl.gatedCrossAttention.imageRule(c.layout) }
    static let images: @Sendable (TokenLayout) -> Int = { layout in layout.filter { $0 == .image }.count }
    /// Cross-attention differences are explained where an image is furthest ahead of its text token.
    static let laterImagesFirst: RuleChecks.Rank = { layout, token, image in
        layout.indices.filter { layout[$0] == .image }[image] - token
    }

    struct Case: Sendable {
        let label: String
        let batch: Int, layout: TokenLayout, tokensPerImage: Int, hidden: Int, heads: Int
        let gate: Float
        let seed: UInt64
    }

    static let referenceCases = [
        Case(label: "batch 2, 2 heads, one image first (ittt)", batch: 2, layout: "ittt", tokensPerImage: 3,
             hidden: 16, heads: 2, gate: 0.9, seed: 61),
        Case(label: "three images in two groups (tiitti), 3 heads", batch: 1, layout: "tiitti", tokensPerImage: 2,
             hidden: 24, heads: 3, gate: -0.6, seed: 62),
        Case(label: "text before the only image (ttit), 4 heads", batch: 1, layout: "ttit", tokensPerImage: 5,
             hidden: 16, heads: 4, gate: 1.2, seed: 63),
    ]

    static var checks: [Check] {
        [
            RuleChecks.check("image rule edge cases: no image, image first, image last, groups one text token apart",
                             ["tttt", "ittt", "ttti", "tiiti", "iitit"].map { RuleCase("\($0)", $0) }, keys: images,
                             rule: imageRule, explain: MaskMistakes.crossAttention, rank: laterImagesFirst),
            Check("image rule matches transformers' processor (get_cross_attention_token_mask) on ttIttIIttIt",
                  produce: { impl, _ in
                var e = Evidence()
                e.record("mask", impl.gatedCrossAttention.imageRule(CrossAttentionFixture.layout).mask(queries: 11, keys: 4))
                return e
            }, judge: { e, context in
                let expected = try CrossAttentionFixture(context).file.mask("image_masked")
                try RuleChecks.compare(try e.mask("mask"), expected, RuleCase("ttittiittit", CrossAttentionFixture.layout),
                                       MaskMistakes.crossAttention, rank: laterImagesFirst)
            }),
            fixture("returns output [1, 11, 64] and weights [1, 4, 11, 24]") { e, _ in
                try Expect.shape(try e.tensor("output"), [1, 11, 64], "output")
                try Expect.shape(try e.tensor("weights"), [1, 4, 11, 24], "attention weights [B, H, T, I·N]")
            },
            fixture("matches transformers' MllamaCrossAttentionDecoderLayer attention branch to 1e-5 on the rows "
                    + "that see an image") { e, fixture in
                let rows = try fixture.rowsWithImage
                try GateMistake.expectClose(try e.tensor("output"), try fixture.file.tensor("attention_branch_output"),
                                            x: try fixture.x, gate: 0.7, rows: rows, "output rows \(rows)")
                let weights = try e.tensor("weights"), expected = try fixture.file.tensor("attn_weights")
                try Expect.shape(weights, expected.shape, "attention weights")
                try Expect.close(weights.picking(rows, axis: 2), expected.picking(rows, axis: 2), "attention weights")
            },
            fixture("rows that see no image (0, 1) return their input unchanged, with weights 0") { e, fixture in
                let rows = try fixture.rowsWithoutImage, output = try e.tensor("output"), weights = try e.tensor("weights")
                try Expect.shape(output, [1, 11, 64], "output")
                try Expect.shape(weights, [1, 4, 11, 24], "attention weights")
                try Expect.close(output.picking(rows, axis: 1), try fixture.x.picking(rows, axis: 1),
                                 "output rows \(rows), which see no image (they must equal the input)")
                try Expect.close(weights.picking(rows, axis: 2), .zeros([1, 4, rows.count, 24]),
                                 "attention weights of rows \(rows), which see no image")
            },
        ] + GatedCrossAttentionChecks.gateAndReferenceChecks
    }

    /// A check on the fixture layer's output and weights (transformers' weights, gate 0.7).
    static func fixture(_ name: String, _ judge: @escaping @Sendable (Evidence, CrossAttentionFixture) throws -> Void) -> Check {
        Check(name, produce: { impl, context in
            let fixture = try CrossAttentionFixture(context)
            let (layer, x, images) = (try fixture.layer(impl.gatedCrossAttention), try fixture.x, try fixture.images)
            let result = layer(x, images: images, layout: CrossAttentionFixture.layout)
            var e = Evidence()
            e.record("output", result.output)
            e.record("weights", result.weights)
            recordRules(&e, impl, [CrossAttentionFixture.layout])
            return e
        }, judge: { e, context in
            try pointingAtTheRule(e, [CrossAttentionFixture.layout]) { try judge(e, try CrossAttentionFixture(context)) }
        })
    }

    /// Records the learner's image rule on `layouts`, for `pointingAtTheRule`.
    static func recordRules(_ e: inout Evidence, _ impl: Implementations, _ layouts: [TokenLayout]) {
        for (i, layout) in layouts.enumerated() {
            e.record("rule.\(i)", impl.gatedCrossAttention.imageRule(layout).mask(queries: layout.count, keys: images(layout)))
        }
    }

    /// Runs `judge`; when it fails and the learner's image rule was wrong on one of `layouts`, the
    /// message says that the rule is the first thing to fix.
    static func pointingAtTheRule(_ e: Evidence, _ layouts: [TokenLayout], _ judge: () throws -> Void) throws {
        do {
            try judge()
        } catch let failure as CheckFailure {
            let wrongRule = try layouts.indices.contains { i in
                try e.mask("rule.\(i)") != GatedCrossAttention.imageRule(layouts[i]).mask(queries: layouts[i].count,
                                                                                          keys: images(layouts[i]))
            }
            guard wrongRule else { throw failure }
            throw CheckFailure(failure.message + "\n  Your imageRule differs from the processor's on this layout "
                + "(see the image rule checks): fix it first.")
        }
    }
}
