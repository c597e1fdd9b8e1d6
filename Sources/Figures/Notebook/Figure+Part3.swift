import Contracts
import TensorKit

extension Figure {
    /// Part 3: the structure of the VLM mask for 4 image and 4 text tokens.
    /// - Throws: `FigureError.unexpectedShape` when the mask has the wrong shape.
    public static func vlmMaskStructure(using pieces: Implementations) throws(FigureError) -> Figure {
        Pieces.install(pieces)
        let (nImage, nText) = (4, 4)
        let mask = pieces.vlmMask.vlmMask(nImage: nImage, nText: nText).asFloat  // [I + T, I + T]
        let data = try mask.checked("the VLM mask", is: [nImage + nText, nImage + nText])
        return vlmMaskStructure(mask: data.rows, imageTokens: nImage)
    }

    /// The Part 3 mask figure of `mask` (`[T][T]`, 1 = masked, image tokens first):
    /// `imshow(cmap='RdYlGn_r', vmin=0, vmax=1)` (red = masked), solid black separators after the
    /// image tokens, bold "Image"/"Text" labels on both axes, colour bar labelled "Masked"; 7×6 inches.
    public static func vlmMaskStructure(mask: [[Float]], imageTokens nImage: Int) -> Figure {
        let image = 0..<nImage, text = nImage..<mask.count
        let panel = Panel(title: "VLM Attention Mask Structure", xLabel: "Key Position", yLabel: "Query Position",
                          data: mask, vmin: 0, vmax: 1, colorMap: .redYellowGreenReversed,
                          separators: [Separator(index: nImage, style: .solid, color: .black)],
                          regionLabels: [RegionLabel("Image", side: .top, span: image, isBold: true),
                                         RegionLabel("Text", side: .top, span: text, isBold: true),
                                         RegionLabel("Image", side: .left, span: image, isBold: true),
                                         RegionLabel("Text", side: .left, span: text, isBold: true)],
                          colorBarLabel: "Masked")
        return Figure(name: FigureName.vlmMask.rawValue, seed: nil, panels: [panel], size: Size(width: 7, height: 6))
    }

    /// Part 3: VLM attention over 9 image and 6 text tokens, averaged over the 4 heads.
    ///
    /// ```
    /// manualSeed(seed); attention = VLMAttention(64, 4)
    /// x = cat([randn(1, 9, 64), randn(1, 6, 64)], dim=1)
    /// weights = attention(x, nImageTokens: 9).weights[0].mean(dim=0)   // [15, 15]
    /// ```
    /// - Throws: `FigureError.unexpectedShape` when a piece returns the wrong shape.
    public static func vlmAttention(seed: UInt64, using pieces: Implementations) throws(FigureError) -> Figure {
        Pieces.install(pieces)
        let (nImage, nText, C, H) = (9, 6, 64, 4)
        let T = nImage + nText
        manualSeed(seed)
        let attention = pieces.vlmAttention.init(dModel: C, numHeads: H)  // weights drawn first
        let imageTokens = randn([1, nImage, C])                             // [1, I, C]
        let textTokens = randn([1, nText, C])                               // [1, T - I, C]
        let combined = Tensor.cat([imageTokens, textTokens], axis: 1)       // [1, T, C]
        let (_, weights) = attention(combined, nImageTokens: nImage)        // [1, H, T, T]
        let average = try weights.checked("VLMAttention's weights", is: [1, H, T, T]).select(0, 0).mean(axis: 0)
        return vlmAttention(headMean: average.rows, imageTokens: nImage, seed: seed)  // [T][T]
    }

    /// The Part 3 figure of the head-averaged weights (`[T][T]`, image tokens first):
    /// `imshow(cmap='Blues', vmin=0, vmax=0.3)`, red dashed separators after the image tokens,
    /// "Image Tokens"/"Text Tokens" above, colour bar labelled "Attention Weight"; 8×7 inches.
    public static func vlmAttention(headMean: [[Float]], imageTokens nImage: Int, seed: UInt64?) -> Figure {
        let T = headMean.count
        let panel = Panel(title: "VLM Attention Pattern (prefix mask)", xLabel: "Key Position",
                          yLabel: "Query Position", data: headMean, vmin: 0, vmax: 0.3,
                          separators: [Separator(index: nImage, style: .dashed, color: .red)],
                          regionLabels: [RegionLabel("Image Tokens", side: .top, span: 0..<nImage),
                                         RegionLabel("Text Tokens", side: .top, span: nImage..<T)],
                          colorBarLabel: "Attention Weight")
        return Figure(name: FigureName.vlmAttention.rawValue, seed: seed, panels: [panel],
                      size: Size(width: 8, height: 7), notes: [
                          "Observations:",
                          "- Top-left (Image→Image): Dense attention, all patches see each other",
                          "- Top-right (Image→Text): All zeros (image can't see future text)",
                          "- Bottom-left (Text→Image): Dense attention, text sees all image patches",
                          "- Bottom-right (Text→Text): Causal pattern (lower triangular)",
                      ])
    }
}
