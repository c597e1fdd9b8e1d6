import TensorKit

/// PyTorch's `interpolate(mode="bicubic", align_corners=False, antialias=False)` along one axis,
/// as a `[outSize, inSize]` matrix `R` so that resizing is `R · x`.
///
/// Output sample `i` sits at source coordinate `s = (i + ½) · in/out − ½` (half-pixel centres, not
/// clamped); with `k = ⌊s⌋` and `t = s − k` it mixes inputs `k−1 … k+2` (indices clamped to the
/// border) with the cubic convolution weights of Keys (1981) for `a = −0.75`:
///
///     w(x) = (a+2)|x|³ − (a+3)|x|² + 1        for |x| ≤ 1
///     w(x) = a|x|³ − 5a|x|² + 8a|x| − 4a      for 1 < |x| < 2
///
/// at distances `1+t, t, 1−t, 2−t`. Weights are computed in Float, as PyTorch does on CPU.
public enum BicubicResampling {
    public static let a: Float = -0.75

    public static func matrix(from inSize: Int, to outSize: Int) -> Tensor {
        precondition(inSize > 0 && outSize > 0, "BicubicResampling: sizes must be positive, got \(inSize) → \(outSize)")
        let scale = Float(inSize) / Float(outSize)
        var m = [Float](repeating: 0, count: outSize * inSize)
        for i in 0..<outSize {
            let s = (Float(i) + 0.5) * scale - 0.5
            let k = Int(s.rounded(.down))
            let t = s - Float(k)
            let weights = [near(t + 1, far: true), near(t), near(1 - t), near(2 - t, far: true)]
            for (tap, w) in weights.enumerated() {
                let j = Swift.min(Swift.max(k - 1 + tap, 0), inSize - 1)
                m[i * inSize + j] += w
            }
        }
        return Tensor(shape: [outSize, inSize], scalars: m)
    }

    /// `w(x)`: the inner piece for `|x| ≤ 1`, the outer piece (`far`) for `1 < |x| < 2`.
    private static func near(_ x: Float, far: Bool = false) -> Float {
        far ? ((a * x - 5 * a) * x + 8 * a) * x - 4 * a : ((a + 2) * x - (a + 3)) * x * x + 1
    }

    /// Resizes the grid `[G, G', C]` (channels last) to `[h, w, C]`: rows, then columns.
    public static func resize(_ grid: Tensor, height h: Int, width w: Int) -> Tensor {
        let (G1, G2, C) = (grid.dim(0), grid.dim(1), grid.dim(2))
        let rows = matrix(from: G1, to: h).matmul(grid.reshaped(G1, G2 * C)).reshaped(h, G2, C)   // [h, G', C]
        return matrix(from: G2, to: w).matmul(rows)                                              // [h, w, C]
    }
}
