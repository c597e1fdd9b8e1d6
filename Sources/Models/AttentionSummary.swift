import TensorKit

/// Which heads an attention map shows: one head, or the mean over all heads.
public enum HeadSelection: Sendable, Equatable {
    case mean
    case head(Int)
}

/// The attention maps of chosen layers for one image, reduced to one map per layer.
///
/// For each layer: the `[T, T]` probabilities (row = query token, column = key token; token 0 is
/// the class token) and the class token's attention over the patches as a `[√N, √N]` grid.
public struct AttentionSummary: Sendable {
    public struct Layer: Sendable {
        /// Layer index, 0-based.
        public let index: Int
        /// `[T, T]`; every row sums to 1.
        public let map: Tensor
        /// `[√N, √N]`: `map[0, 1...]` laid out as the patch grid (row-major, as the patches are).
        public let classToPatches: Tensor
    }

    public let head: HeadSelection
    public let layers: [Layer]

    /// Picks `layers` (negative indices count from the end) of `output`'s image `image`, reduced by `head`.
    public init(_ output: CLIPVisionOutput, layers: [Int], head: HeadSelection, image: Int = 0) {
        self.head = head
        let count = output.attentions.count
        self.layers = layers.map { requested in
            let index = requested < 0 ? requested + count : requested
            precondition(index >= 0 && index < count, "AttentionSummary: layer \(requested) of \(count) layers")
            let heads = output.attentions[index][index: image]            // [H, T, T]
            let map: Tensor
            switch head {
            case .mean: map = heads.mean(axis: 0)                          // [T, T]
            case .head(let h): map = heads[index: h].contiguous()          // [T, T]
            }
            let T = map.dim(0), grid = Int(Double(T - 1).squareRoot())
            let classToPatches = map[index: 0].slice(0, 1..<T).reshaped(grid, grid)   // [√N, √N]
            return Layer(index: index, map: map, classToPatches: classToPatches)
        }
    }
}
