import Contracts
import Solutions
import TensorKit

/// `vlm-mask`: the notebook's four quadrant asserts for 4 image + 4 text tokens, PyTorch's masks
/// and the edge cases without text or without image tokens.
enum VLMMaskChecks {
    static let (nImage, nText) = (4, 4)
    /// `(nImage, nText)` pairs saved from PyTorch in `part3_vlm_mask.safetensors`.
    static let fixtureSizes = [(4, 4), (9, 6), (6, 6), (0, 5), (5, 0), (1, 1)]

    static var checks: [Check] {
        [
            quadrant("image-to-image is all false (bidirectional)", rows: 0..<nImage, cols: 0..<nImage, ones: 0),
            quadrant("image-to-text is all true (image cannot see text)",
                     rows: 0..<nImage, cols: nImage..<nImage + nText, ones: nImage * nText),
            quadrant("text-to-image is all false (text sees the image)",
                     rows: nImage..<nImage + nText, cols: 0..<nImage, ones: 0),
            quadrant("text-to-text is causal", rows: nImage..<nImage + nText, cols: nImage..<nImage + nText,
                     ones: nText * (nText - 1) / 2),
            sizes("no text tokens (5 image, 0 text): nothing is masked", [(5, 0)]),
            sizes("no image tokens (0 image, 5 text): a plain causal mask", [(0, 5)]),
            Check("matches PyTorch for (image, text) = "
                    + fixtureSizes.map { "(\($0.0), \($0.1))" }.joined(separator: ", "),
                  produce: { impl, _ in record(impl, fixtureSizes) },
                  judge: { e, context in
                      let file = try context.fixture("part3_vlm_mask.safetensors")
                      for (i, t) in fixtureSizes {
                          try Expect.sameMask(try e.mask("\(i),\(t)"), try file.mask("mask_\(i)_\(t)"),
                                              "\(i) image + \(t) text tokens")
                      }
                  }),
        ]
    }

    private static func record(_ impl: Implementations, _ sizes: [(Int, Int)]) -> Evidence {
        var e = Evidence()
        for (i, t) in sizes { e.record("\(i),\(t)", impl.vlmMask.vlmMask(nImage: i, nText: t)) }
        return e
    }

    private static func sizes(_ name: String, _ sizes: [(Int, Int)]) -> Check {
        .matchesReference(name, sizes.map { [$0.0, $0.1] }, label: { "\($0[0]) image + \($0[1]) text tokens" }) { size, impl in
            [.mask("mask", impl.vlmMask.vlmMask(nImage: size[0], nText: size[1]))]
        }
    }

    /// The notebook's `vlm_mask[rows, cols].sum() == ones` for the 4 + 4 mask.
    private static func quadrant(_ name: String, rows: Range<Int>, cols: Range<Int>, ones: Int) -> Check {
        Check(name, produce: { impl, _ in record(impl, [(nImage, nText)]) }, judge: { e, _ in
            let mask = try e.mask("\(nImage),\(nText)")
            let total = nImage + nText
            guard mask.shape == [total, total] else {
                throw CheckFailure("expected shape [\(total), \(total)] for 4 image + 4 text tokens, got \(mask.shape)")
            }
            let block = mask[rows, cols]
            guard block.trueCount == ones else {
                throw CheckFailure("mask[\(rows.lowerBound)..<\(rows.upperBound), \(cols.lowerBound)..<\(cols.upperBound)] "
                    + "has \(block.trueCount) masked positions, expected \(ones)\n"
                    + SideBySide.masks(expected: VLMMask.vlmMask(nImage: nImage, nText: nText), actual: mask))
            }
        })
    }
}
