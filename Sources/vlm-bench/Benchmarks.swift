import TensorKit

/// One named benchmark: `prepare` builds inputs once, `run` is the timed work.
struct Benchmark: Sendable {
    let name: String
    /// Floating-point operations per run (for GFLOP/s), if meaningful.
    let flops: Double?
    /// Bytes read + written per run (for GB/s), if meaningful.
    let bytes: Double?
    /// Builds the inputs (throws when they cannot be made, e.g. a model that is not downloaded).
    let prepare: @Sendable () throws -> @Sendable () -> Void
}

enum Benchmarks {
    static let all: [Benchmark] = [
        sgemm("sgemm-768", m: 768, k: 768, n: 768),
        sgemm("sgemm-qkv", m: 197, k: 768, n: 2304),
        packedLinear("linear-qkv-packed", m: 197, k: 768, n: 2304),
        attention(heads: 12, tokens: 197, headDim: 64),
        softmax(heads: 12, tokens: 197),
        dinov2(size: 224),
        dinov2(size: 448),
        dinov2Analysis(size: 224),
    ]

    static func random(_ shape: [Int], seed: UInt64) -> Tensor {
        RandomGenerator(seed: seed).randn(shape)
    }

    /// `[m, k] · [k, n]` through `cblas_sgemm`; 2·m·k·n flops.
    static func sgemm(_ name: String, m: Int, k: Int, n: Int) -> Benchmark {
        Benchmark(name: name, flops: 2 * Double(m * k * n), bytes: nil) {
            let a = random([m, k], seed: 1), b = random([k, n], seed: 2)
            return { _ = a.matmul(b) }
        }
    }

    /// `x·Wᵀ` for `x` `[m, k]` and `W` `[n, k]` packed once beforehand (`GEMM.PackedMatrix`), through
    /// `Tensor.linear` as the models' linear layers run it (no bias); 2·m·k·n flops.
    static func packedLinear(_ name: String, m: Int, k: Int, n: Int) -> Benchmark {
        Benchmark(name: name, flops: 2 * Double(m * k * n), bytes: nil) {
            let x = random([m, k], seed: 1), w = GEMM.PackedMatrix(random([n, k], seed: 2))
            return { _ = x.linear(w, bias: nil) }
        }
    }

    /// `softmax(q·kᵀ/√d)·v` for `[H, T, D]` inputs, no projections; 4·H·T²·D flops.
    static func attention(heads: Int, tokens: Int, headDim: Int) -> Benchmark {
        Benchmark(name: "attention-\(heads)x\(tokens)x\(headDim)",
                  flops: 4 * Double(heads * tokens * tokens * headDim), bytes: nil) {
            let q = random([heads, tokens, headDim], seed: 1)
            let k = random([heads, tokens, headDim], seed: 2)
            let v = random([heads, tokens, headDim], seed: 3)
            let scale = 1 / Float(headDim).squareRoot()
            return { _ = (q.matmul(k.transposed()) * scale).softmax().matmul(v) }
        }
    }

    /// Row softmax of `[H, T, T]` scores; bytes = one read + one write of the scores.
    static func softmax(heads: Int, tokens: Int) -> Benchmark {
        let count = heads * tokens * tokens
        return Benchmark(name: "softmax-\(heads)x\(tokens)x\(tokens)", flops: nil, bytes: 8 * Double(count)) {
            let scores = random([heads, tokens, tokens], seed: 4)
            return { _ = scores.softmax() }
        }
    }
}
