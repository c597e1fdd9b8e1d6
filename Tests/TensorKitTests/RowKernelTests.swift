import Foundation
import TensorKernels
import TestSupport
import Testing

/// TensorKernels' row kernels against double-precision formulas, on every row length from 0 to 40
/// (whole 16-lane vectors and every partial tail) and on the special values.
@Suite struct RowKernelTests {
    /// Runs `kernel` on a copy of `values` in place and returns the result.
    private func inPlace(_ values: [Float], _ kernel: (UnsafeMutablePointer<Float>, Int) -> Void) -> [Float] {
        var y = values
        y.withUnsafeMutableBufferPointer { kernel($0.baseAddress!, $0.count) }
        return y
    }

    private func randomRow(_ n: Int, seed: UInt64, scale: Float) -> [Float] {
        var rng = SplitMix(seed: seed)
        return rng.floats(n, scale: scale)
    }

    @Test func expIsWithinTwoUlpOfLibm() {
        let x = (0..<20_000).map { -87 + Float($0) * 0.00875 }   // up to 88
        var y = [Float](repeating: 0, count: x.count)
        tk_exp(x, &y, x.count)
        var worst: Float = 0
        for (input, value) in zip(x, y) {
            let exact = Float(Foundation.exp(Double(input)))
            worst = Swift.max(worst, Swift.abs(value - exact) / exact.ulp)
        }
        #expect(worst <= 2)
        var special = [Float](repeating: 1, count: 4)
        tk_exp([-.infinity, .nan, 89, 0], &special, 4)
        #expect(special[0] == 0)
        #expect(special[1].isNaN)
        #expect(special[2] == .infinity)
        #expect(special[3] == 1)
    }

    @Test(arguments: 0...40) func softmaxMatchesTheDoubleFormula(n: Int) {
        let x = randomRow(n, seed: UInt64(n), scale: 20)
        var y = [Float](repeating: .nan, count: n)
        tk_softmax_row(x, &y, n)
        let m = x.map(Double.init).max() ?? 0
        let e = x.map { Foundation.exp(Double($0) - m) }, total = e.reduce(0, +)
        for (value, exact) in zip(y, e.map { $0 / total }) { #expect(Swift.abs(Double(value) - exact) <= 4e-7) }
    }

    @Test func softmaxOfMaskedRows() {
        var y = [Float](repeating: 0, count: 20)
        tk_softmax_row([Float](repeating: -.infinity, count: 20), &y, 20)
        #expect(y.allSatisfy { $0.isNaN })                                    // as torch.softmax
        var x = [Float](repeating: -.infinity, count: 19) + [3]
        tk_softmax_row(x, &y, 20)
        #expect(y.prefix(19).allSatisfy { $0 == 0 } && y[19] == 1)        // exp(−∞) is exactly 0
        x[4] = .nan
        tk_softmax_row(x, &y, 20)
        #expect(y.allSatisfy { $0.isNaN })
    }

    @Test(arguments: [0, 1, 15, 16, 17, 40]) func geluErfIsWithinSevenTenMillionths(n: Int) {
        let z = randomRow(n, seed: 7, scale: 5), b = randomRow(n, seed: 8, scale: 1)
        let y = inPlace(z) { tk_bias_gelu_erf($0, b, $1) }
        for j in 0..<n {
            let v = Double(z[j] + b[j])
            #expect(Swift.abs(Double(y[j]) - v * 0.5 * (1 + Foundation.erf(v / 2.0.squareRoot()))) <= 7e-7 * Swift.max(1, Swift.abs(v)))
        }
    }

    @Test(arguments: [0, 3, 16, 33]) func geluTanhAndQuickGELUMatchTheirFormulas(n: Int) {
        let z = randomRow(n, seed: 9, scale: 6)
        let tanhForm = inPlace(z) { tk_bias_gelu_tanh($0, nil, $1) }, quick = inPlace(z) { tk_bias_quick_gelu($0, nil, $1) }
        for j in 0..<n {
            let v = Double(z[j])
            let exactTanh = 0.5 * v * (1 + Foundation.tanh((2 / Double.pi).squareRoot() * (v + 0.044715 * v * v * v)))
            #expect(Swift.abs(Double(tanhForm[j]) - exactTanh) <= 1e-6 * Swift.max(1, Swift.abs(v)))
            #expect(Swift.abs(Double(quick[j]) - v / (1 + Foundation.exp(-1.702 * v))) <= 1e-6 * Swift.max(1, Swift.abs(v)))
        }
    }

    @Test(arguments: [1, 16, 21]) func scaledResidualIsExact(n: Int) {
        let y = randomRow(n, seed: 1, scale: 3), b = randomRow(n, seed: 2, scale: 3)
        let g = randomRow(n, seed: 3, scale: 3), r = randomRow(n, seed: 4, scale: 3)
        let sum: [Float] = (0..<n).map { y[$0] + b[$0] }
        let scaled: [Float] = (0..<n).map { r[$0] + g[$0] * sum[$0] }
        let skip: [Float] = (0..<n).map { r[$0] + y[$0] }
        #expect(inPlace(y) { tk_bias_scale_residual($0, b, g, r, $1) } == scaled)
        #expect(inPlace(y) { tk_bias_scale_residual($0, nil, nil, r, $1) } == skip)
    }

    @Test(arguments: [1, 2, 15, 16, 17, 40, 384, 768]) func layerNormMatchesTheDoubleFormula(n: Int) {
        let x = randomRow(n, seed: UInt64(n), scale: 4).map { $0 + 3 }            // a mean far from 0
        let gamma = randomRow(n, seed: 11, scale: 2), beta = randomRow(n, seed: 12, scale: 1)
        var y = [Float](repeating: .nan, count: n)
        tk_layer_norm_row(x, &y, gamma, beta, 1e-5, n)
        let mean = x.reduce(0.0) { $0 + Double($1) } / Double(n)
        let variance = x.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(n)
        for j in 0..<n {
            let exact = (Double(x[j]) - mean) / (variance + 1e-5).squareRoot() * Double(gamma[j]) + Double(beta[j])
            #expect(Swift.abs(Double(y[j]) - exact) <= 2e-6, "n \(n), element \(j)")
        }
    }
}
