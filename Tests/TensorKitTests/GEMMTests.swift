import Foundation
import Synchronization
import TestSupport
import Testing
@testable import TensorKit

/// `GEMM.multiply` splits large products into column or row blocks on several threads; every
/// split must give the naive product, with every block's tail called exactly once.
@Suite struct GEMMTests {
    /// `α·op(A)·op(B) + β·C` in Double, from the stored row-major matrices.
    private func naive(_ m: Int, _ n: Int, _ k: Int, alpha: Float, a: [Float], transposeA: Bool, b: [Float],
                       transposeB: Bool, beta: Float, c: [Float], ldc: Int) -> [Float] {
        var out = c
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0
                for p in 0..<k {
                    sum += Double(transposeA ? a[p * m + i] : a[i * k + p]) * Double(transposeB ? b[j * k + p] : b[p * n + j])
                }
                out[i * ldc + j] = Float(Double(alpha) * sum + Double(beta) * Double(c[i * ldc + j]))
            }
        }
        return out
    }

    /// Shapes on both sides of the threshold: wide (column blocks), narrow and tall (row blocks),
    /// and an output written into a wider matrix (`ldc > n`, as FusedLinear's side-by-side outputs).
    @Test(arguments: [(3, 5, 4, 5), (197, 384, 64, 400), (300, 40, 128, 40), (64, 1000, 33, 1000)])
    func everySplitGivesTheNaiveProduct(m: Int, n: Int, k: Int, ldc: Int) {
        for (transposeA, transposeB) in [(false, false), (true, true), (false, true)] {
            var rng = SplitMix(seed: UInt64(m * n + k))
            let a = rng.floats(m * k), b = rng.floats(k * n), c = rng.floats(m * ldc)
            var out = c
            let tails = Mutex(0)
            nonisolated(unsafe) let coverage = UnsafeMutablePointer<Int>.allocate(capacity: m * n)
            coverage.initialize(repeating: 0, count: m * n)
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    out.withUnsafeMutableBufferPointer { pc in
                        GEMM.multiply(m: m, n: n, k: k, alpha: 0.5,
                                      GEMM.Operand(pa.baseAddress!, ld: transposeA ? m : k, transposed: transposeA),
                                      GEMM.Operand(pb.baseAddress!, ld: transposeB ? k : n, transposed: transposeB),
                                      beta: 2, into: pc.baseAddress!, ldc: ldc) { rows, columns in
                            tails.withLock { $0 += 1 }
                            for i in rows { for j in columns { coverage[i * n + j] += 1 } }
                        }
                    }
                }
            }
            let covered = Array(UnsafeBufferPointer(start: coverage, count: m * n))
            coverage.deallocate()
            let expected = naive(m, n, k, alpha: 0.5, a: a, transposeA: transposeA, b: b, transposeB: transposeB,
                                 beta: 2, c: c, ldc: ldc)
            let worst = zip(out, expected).map { Swift.abs($0 - $1) }.max() ?? 0
            #expect(worst <= 1e-4, "\(m)×\(n)×\(k) transposeA \(transposeA) transposeB \(transposeB): max |Δ| \(worst)")
            #expect(covered.allSatisfy { $0 == 1 }, "every element's block finished exactly once")
            #expect(tails.withLock { $0 } >= 1)
            if ldc > n { #expect((0..<m).allSatisfy { i in (n..<ldc).allSatisfy { out[i * ldc + $0] == c[i * ldc + $0] } }) }
        }
    }

    /// Packed weights (`GEMM.PackedMatrix`): several depth blocks, row blocks and column blocks
    /// (several per thread), `ldx > K`, `ldy > N` and a weight stored `[K, N]`; β = 0 ignores
    /// what Y held, β = 1 adds to what `prepare` put there; with spare rows in Y, 3, 197 and 70 rows
    /// are computed as whole groups of 4. OpenBLAS's micro-kernels must be the ones doing it on
    /// Debian's build, and its packing must work in groups of 4 columns.
    @Test(arguments: [(3, 5, 4, 1, false), (197, 384, 900, 2, false), (300, 1000, 100, 3, true), (70, 1700, 64, 2, false)])
    func packedWeightsGiveTheNaiveProduct(m: Int, n: Int, k: Int, threads: Int, storedInOut: Bool) {
        #expect(BLASMicroKernels.current != nil, "OpenBLAS exports its micro-kernels for core \(BLASKernels.selected)")
        #expect(BLASMicroKernels.current?.packsInColumnGroups == true)
        var rng = SplitMix(seed: UInt64(m + n + k))
        let (ldx, ldy) = (k + 3, n + 5)
        let x = rng.floats(m * ldx), w = rng.floats(n * k), bias = rng.floats(n), start = rng.floats(m * ldy)
        let weight = storedInOut ? Tensor(shape: [k, n], scalars: (0..<(k * n)).map { w[($0 % n) * k + $0 / n] }).transposed()
                                 : Tensor(shape: [n, k], scalars: w)
        let packed = GEMM.PackedMatrix(weight, threads: threads)
        let blocks = packed.columnBlocks            // the units threads take in turn: they tile 0..<n
        #expect(blocks.first?.lowerBound == 0 && blocks.last?.upperBound == n)
        #expect(zip(blocks, blocks.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(blocks.allSatisfy { $0.count <= GEMM.PackedMatrix.columnBlockLimit && $0.lowerBound % 16 == 0 })
        #expect(threads == 1 ? blocks.count == (n + 767) / 768 : blocks.count >= 2 * threads, "\(blocks.count) blocks")
        for (beta, spare): (Float, Bool) in [(0, false), (1, false), (0, true), (1, true)] {
            var y = start + (spare ? [Float](repeating: .nan, count: GEMM.spareFloats(rows: m, ldy: ldy)) : [])
            nonisolated(unsafe) let coverage = UnsafeMutablePointer<Int>.allocate(capacity: m * n)
            coverage.initialize(repeating: 0, count: m * n)
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in
                    nonisolated(unsafe) let out = py.baseAddress!
                    GEMM.multiply(rows: m, px.baseAddress!, ldx: ldx, packed, alpha: 0.5, beta: beta, into: out, ldy: ldy,
                                  spareRowsInY: spare, prepare: beta == 0 ? nil : { rows, columns in
                                      for i in rows { for j in columns { out[i * ldy + j] = bias[j] } }
                                  }) { rows, columns in
                        for i in rows { for j in columns { coverage[i * n + j] += 1 } }
                    }
                }
            }
            let covered = Array(UnsafeBufferPointer(start: coverage, count: m * n))
            coverage.deallocate()
            var worst: Float = 0
            for i in 0..<m {
                for j in 0..<n {
                    var sum = 0.0
                    for p in 0..<k { sum += Double(x[i * ldx + p]) * Double(w[j * k + p]) }
                    worst = Swift.max(worst, Swift.abs(y[i * ldy + j] - Float(Double(beta * bias[j]) + 0.5 * sum)))
                }
            }
            #expect(worst <= 1e-4, "\(m)×\(n)×\(k) on \(threads) threads, β \(beta), spare rows \(spare): max |Δ| \(worst)")
            #expect(covered.allSatisfy { $0 == 1 }, "every element's block finished exactly once")
            #expect((0..<m).allSatisfy { i in (n..<ldy).allSatisfy { y[i * ldy + $0] == start[i * ldy + $0] } })
        }
    }
}
