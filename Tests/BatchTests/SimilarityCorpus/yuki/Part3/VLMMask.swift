import Contracts
import TensorKit

/// Part 3 — the LLaVA-style attention mask over `[image tokens, text tokens]`.
///
/// ```
///              Image   Text
///     Image  [ 0 0 0 | 1 1 1 ]   image sees all image tokens, no text
///            [ 0 0 0 | 1 1 1 ]
///     Text   [ 0 0 0 | 0 1 1 ]   text sees all image tokens, and past text (causal)
///            [ 0 0 0 | 0 0 1 ]
///            [ 0 0 0 | 0 0 0 ]
/// ```
/// Shape `[I + T, I + T]`, true (1) = masked.
public enum VLMMask: VLMMaskBuilder {
    // ANCHOR: vlm-mask
    public static func vlmMask(nImage: Int, nText: Int) -> Mask {
        let width = nImage + nText
        var flags = [Bool](repeating: false, count: width * width)
        for position in flags.indices {
            let i = position / width, j = position % width
            let imageQuery = i < nImage
            flags[position] = imageQuery ? j >= nImage : j > i
        }
        return Mask(shape: [width, width], values: flags)
    }
    // ANCHOR_END: vlm-mask
}
