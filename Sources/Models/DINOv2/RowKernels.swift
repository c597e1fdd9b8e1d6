import Dispatch
import TensorKit

/// The DINOv2 block's linear layers with their elementwise tails fused into one pass over the
/// GEMM's fresh output, split across `Parallel.threadCount` threads:
///
///     projection:  y = x·Wᵀ + b
///     fc1 + GELU:  y = GELU(x·Wᵀ + b)                 GELU(z) = z · ½ · (1 + erf(z / √2))
///     residual:    y = r + γ ⊙ (x·Wᵀ + b)              (LayerScale, then the skip connection)
///
/// Each is what TensorKit's broadcasting `+`, `*` and `GELU()` compute one op at a time.
enum RowKernels {
    typealias V = SIMD8<Float>

    static func projection(_ x: Tensor, _ layer: Linear) -> Tensor {
        epilogue(x, layer) { y, b, _, n in
            for j in 0..<n { y[j] += b[j] }
        }
    }

    static func projectionGELU(_ x: Tensor, _ layer: Linear) -> Tensor {
        epilogue(x, layer) { y, b, _, n in
            var j = 0
            while j + 8 <= n {
                let z = UnsafeRawPointer(y + j).loadUnaligned(as: V.self) + UnsafeRawPointer(b + j).loadUnaligned(as: V.self)
                UnsafeMutableRawPointer(y + j).storeBytes(of: z * 0.5 * (1 + erf(z * 0.70710678118654752)), as: V.self)
                j += 8
            }
            for k in j..<n { let z = y[k] + b[k]; y[k] = z * 0.5 * (1 + erf(V(repeating: z * 0.70710678118654752))[0]) }
        }
    }

    static func residual(_ x: Tensor, _ layer: Linear, gamma: Tensor, plus r: Tensor) -> Tensor {
        let g = gamma.contiguous(), res = r.contiguous()
        return g.withUnsafeContiguousBuffer { gb in
            res.withUnsafeContiguousBuffer { rb in
                nonisolated(unsafe) let (gp, rp) = (gb.baseAddress, rb.baseAddress)
                return epilogue(x, layer) { y, b, row, n in
                    guard let gp, let rp else { return }
                    let rr = rp + row * n
                    for j in 0..<n { y[j] = rr[j] + gp[j] * (y[j] + b[j]) }
                }
            }
        }
    }

    /// `x·Wᵀ` by BLAS, then `tail(row pointer, bias, row index, width)` on every output row.
    private static func epilogue(
        _ x: Tensor, _ layer: Linear,
        _ tail: (UnsafeMutablePointer<Float>, UnsafePointer<Float>, Int, Int) -> Void
    ) -> Tensor {
        let y = x.matmul(layer.weight.transposed()).contiguous(forceCopy: false)   // [..., out]
        let n = layer.outFeatures, rows = y.count / Swift.max(n, 1)
        let bias = layer.bias?.contiguous() ?? .zeros([n])
        let base = y.storage.base + y.offset
        bias.withUnsafeContiguousBuffer { bb in
            guard let bp = bb.baseAddress else { return }
            let chunks = Swift.max(1, Swift.min(Parallel.threadCount, rows * n / 32_768))
            withoutActuallyEscaping(tail) { tail in
                nonisolated(unsafe) let (tail, base, bp) = (tail, base, bp)
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    for row in (c * rows / chunks)..<((c + 1) * rows / chunks) { tail(base + row * n, bp, row, n) }
                }
            }
        }
        return y
    }

    /// erf on 8 lanes: `x·P(x²)/Q(x²)` on `x` clamped to ±4 (Eigen's float rational approximation;
    /// |error| ≤ 4.2e-7 against the exact erf, so GELU is within 7e-7 of the exact value).
    @inline(__always)
    static func erf(_ v: V) -> V {
        var x = v
        x.replace(with: 4, where: x .> 4)
        x.replace(with: -4, where: x .< -4)
        let x2 = x * x
        var p = V(repeating: -2.72614225801306e-10)
        p = p * x2 + 2.77068142495902e-08
        p = p * x2 - 2.10102402082508e-06
        p = p * x2 - 5.69250639462346e-05
        p = p * x2 - 7.34990630326855e-04
        p = p * x2 - 2.95459980854025e-03
        p = p * x2 - 1.60960333262415e-02
        var q = V(repeating: -1.45660718464996e-05)
        q = q * x2 - 2.13374055278905e-04
        q = q * x2 - 1.68282697438203e-03
        q = q * x2 - 7.37332916720468e-03
        q = q * x2 - 1.42647390514189e-02
        return x * p / q
    }
}
