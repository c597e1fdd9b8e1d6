import Testing
import TensorKit
import TestSupport

/// The generator against real torch 2.13 (x86-64) outputs: bit-exact, drawn in torch's order.
@Suite struct RandomTests {
    private static func close(_ t: Tensor, _ expected: [Float], _ tol: Float = 1e-4) -> Bool {
        t.scalars.count == expected.count && zip(t.scalars, expected).allSatisfy { abs($0 - $1) <= tol }
    }

    @Test func randnSequenceMatchesFixtureBitForBit() throws {
        let file = try Fixtures.safetensors("randn.safetensors")
        let g = RandomGenerator(seed: 42)
        let draws: [(String, [Int])] = [("randn_1x8x64", [1, 8, 64]), ("randn_5", [5]), ("randn_3x7", [3, 7]),
                                        ("randn_17", [17]), ("randn_1", [1])]
        for (name, shape) in draws {
            let expected = try file.tensor(name)
            let got = g.randn(shape)
            #expect(got.shape == expected.shape, "\(name)")
            #expect(bitMismatches(got, expected) == 0, "\(name): \(bitMismatches(got, expected)) of \(got.count) differ")
            #expect(maxAbsDifference(got, expected) <= 2e-6, "\(name)")
        }
    }

    @Test func knownValuesOfRandAndScalarRandn() {
        let g = RandomGenerator(seed: 42)
        #expect(Self.close(g.rand([3]), [0.8823, 0.9150, 0.3829]))
        g.manualSeed(42)
        #expect(Self.close(g.randn([2, 3]), [0.3367, 0.1288, 0.2345, 0.2303, -1.1229, -0.1863]))
    }

    @Test func knownValuesOfVectorisedRandn() {
        let g = RandomGenerator(seed: 42)
        #expect(Self.close(Tensor(Array(g.randn([4, 4]).scalars.prefix(8))),
                           [1.9269, 1.4873, 0.9007, -2.1055, 0.6784, -1.2345, -0.0431, -1.6047]))
        g.manualSeed(0)
        #expect(Self.close(Tensor(Array(g.randn([4, 4]).scalars.prefix(6))),
                           [-1.1258, -1.1524, -0.2506, -0.4339, 0.8487, 0.6920]))
    }

    @Test func linearOneByOneKnownValues() {
        let g = RandomGenerator(seed: 42)
        #expect(Self.close(Init.kaimingUniform([1, 1], fanIn: 1, generator: g), [0.7645]))
        #expect(Self.close(Init.biasUniform(1, fanIn: 1, generator: g), [0.8300]))
    }

    @Test func manualSeedClearsTheCachedNormal() {
        let g = RandomGenerator(seed: 42)
        let first = g.randn([1]).scalars  // leaves r·sin θ cached
        g.manualSeed(42)
        #expect(g.randn([1]).scalars == first)  // a fresh pair, not the cached sine
        let cached = g.randn([1]).scalars      // now the cached sine of that pair
        #expect(cached != first)
        g.manualSeed(42)
        #expect(g.randn([2]).scalars == first + cached)
    }

    @Test func vectorisedCallsNeitherUseNorClearTheCachedNormal() {
        let g = RandomGenerator(seed: 7)
        let pair = g.randn([2]).scalars  // cos and sin of one Box–Muller pair
        g.manualSeed(7)
        _ = g.randn([1])                 // caches pair[1]
        _ = g.randn([17])                // float kernel: engine draws only
        #expect(g.randn([1]).scalars == [pair[1]])
    }

    @Test func meanAndStdScaleTheSameDraws() {
        for shape in [[5], [40]] {  // both paths
            let base = RandomGenerator(seed: 3).randn(shape).scalars
            let scaled = RandomGenerator(seed: 3).randn(shape, mean: 2, std: 0.5).scalars
            #expect(zip(base, scaled).allSatisfy { abs($0 * 0.5 + 2 - $1) <= 1e-6 })
        }
    }

    @Test func sameSeedSameStreamAndGlobalManualSeed() {
        let a = RandomGenerator(seed: 123), b = RandomGenerator(seed: 123)
        for shape in [[3], [16], [40], [2, 5]] {
            #expect(a.randn(shape).scalars == b.randn(shape).scalars)
            #expect(a.uniform(shape, from: -2, to: 3).scalars == b.uniform(shape, from: -2, to: 3).scalars)
        }
        manualSeed(42)
        let x = Tensor.randn([20])
        manualSeed(42)
        #expect(Tensor.randn([20]).scalars == x.scalars)
        #expect(RandomGenerator(seed: 42).randn([20]).scalars == x.scalars)
    }

    @Test func uniformStaysInRange() {
        let g = RandomGenerator(seed: 1)
        let u = g.uniform([10_000], from: -0.5, to: 0.25).scalars
        #expect(u.allSatisfy { $0 >= -0.5 && $0 < 0.25 })
        #expect(g.rand([1000]).scalars.allSatisfy { $0 >= 0 && $0 < 1 })
    }

    @Test func concurrentCallsShareOneStreamWithoutLosingDraws() async {
        // Under the lock, 8 concurrent rand([500]) calls consume exactly the 4000 draws of one
        // sequential rand([4000]), each call a contiguous run of it.
        let shared = RandomGenerator(seed: 5)
        let chunks = await withTaskGroup(of: [Float].self) { group in
            for _ in 0..<8 { group.addTask { shared.rand([500]).scalars } }
            return await group.reduce(into: [[Float]]()) { $0.append($1) }
        }
        let sequential = RandomGenerator(seed: 5).rand([4000]).scalars
        let runs = (0..<8).map { Array(sequential[($0 * 500)..<($0 * 500 + 500)]) }
        #expect(chunks.count == 8 && Set(chunks.map { $0.map(\.bitPattern) }) == Set(runs.map { $0.map(\.bitPattern) }))
    }

    @Test func xavierUniformUsesTheGlorotBound() {
        let bound = Float((6.0 / (64 + 192)).squareRoot())
        let w = Init.xavierUniform([192, 64], fanIn: 64, fanOut: 192, generator: RandomGenerator(seed: 42))
        let same = RandomGenerator(seed: 42).uniform([192, 64], from: -bound, to: bound)
        #expect(w.scalars == same.scalars)
        #expect(w.scalars.allSatisfy { abs($0) <= bound } && w.scalars.contains { abs($0) > 0.9 * bound })
    }

    // MARK: - Layer initialisation against torch fixtures

    /// Builds `layers` (weight, then bias) in order after seed 42, then draws `inputs` with `randn`,
    /// comparing everything with the fixture bit for bit.
    private static func checkLayers(_ fixture: String, _ layers: [(String, [Int], Int, String?)],
                                    inputs: [(String, [Int])]) throws {
        let file = try Fixtures.safetensors(fixture)
        let g = RandomGenerator(seed: 42)
        func check(_ got: Tensor, _ name: String) throws {
            let expected = try file.tensor(name)
            #expect(got.shape == expected.shape, "\(fixture) \(name)")
            #expect(bitMismatches(got, expected) == 0,
                    "\(fixture) \(name): \(bitMismatches(got, expected)) of \(got.count) differ")
            #expect(maxAbsDifference(got, expected) <= 2e-6, "\(fixture) \(name)")
        }
        for (weightName, shape, fanIn, biasName) in layers {
            try check(Init.kaimingUniform(shape, fanIn: fanIn, generator: g), weightName)
            if let biasName { try check(Init.biasUniform(shape[0], fanIn: fanIn, generator: g), biasName) }
        }
        for (name, shape) in inputs { try check(g.randn(shape), name) }
    }

    @Test func vitAttentionLinearsMatchTorch() throws {
        try Self.checkLayers("part2_vit_attention.safetensors",
                             [("qkv.weight", [192, 64], 64, "qkv.bias"), ("proj.weight", [64, 64], 64, "proj.bias")],
                             inputs: [("patch_tokens", [1, 16, 64])])
    }

    @Test func patchEmbeddingConvMatchesTorch() throws {
        try Self.checkLayers("part2_patch_embedding.safetensors", [("proj.weight", [768, 3, 16, 16], 768, "proj.bias")],
                             inputs: [("image", [1, 3, 224, 224])])
    }

    @Test func visionProjectionMatchesTorch() throws {
        try Self.checkLayers("part3_vision_projection.safetensors",
                             [("proj.0.weight", [96, 64], 64, "proj.0.bias"), ("proj.2.weight", [128, 96], 96, "proj.2.bias")],
                             inputs: [("x", [1, 9, 64])])
    }

    @Test func vlmAttentionBiasFreeLinearsMatchTorch() throws {
        try Self.checkLayers("part3_vlm_attention.safetensors",
                             ["W_q", "W_k", "W_v", "W_o"].map { ("\($0).weight", [64, 64], 64, nil) },
                             inputs: [("image_tokens", [1, 9, 64]), ("text_tokens", [1, 6, 64])])
    }

    @Test func seededInputsOfPart1AndPart5MatchTorch() throws {
        try Self.checkLayers("part1_causal.safetensors", [], inputs: [("q", [1, 8, 64]), ("k", [1, 8, 64]), ("v", [1, 8, 64])])
        try Self.checkLayers("part5_comparison.safetensors", [],
                             inputs: [("q", [1, 12, 64]), ("k", [1, 12, 64]), ("v", [1, 12, 64])])
    }
}
