/// Document fingerprints by winnowing (Schleimer, Wilkerson & Aiken, "Winnowing: local algorithms
/// for document fingerprinting", SIGMOD 2003 — the algorithm behind MOSS).
///
/// 1. Hash every k-gram (run of `k` consecutive normalised tokens): `h₀ … h_{n−k}`.
/// 2. Slide a window of `w` consecutive hashes; in each window select the minimum (the rightmost
///    one on ties) and record it unless the previous window already selected that position.
///
/// Guarantees (the paper's): a run of at least `w + k − 1` tokens shared by two documents shares at
/// least one fingerprint; no run shorter than `k` tokens is ever matched (the noise threshold).
/// Hashes are 64-bit FNV-1a, the same in every run (Swift's `Hasher` is seeded per process).
struct Winnowing: Sendable, Equatable {
    /// Tokens per k-gram (noise threshold).
    let k: Int
    /// Hashes per window; `w + k − 1` is the guarantee threshold.
    let w: Int

    init(k: Int, w: Int) {
        precondition(k >= 1 && w >= 1, "winnowing needs k ≥ 1 and w ≥ 1")
        self.k = k
        self.w = w
    }

    /// The hash of every k-gram of `tokens`, in order (empty when there are fewer than `k` tokens).
    func kGramHashes(_ tokens: [String]) -> [UInt64] {
        guard tokens.count >= k else { return [] }
        let tokenHashes = tokens.map { Self.fnv1a(Array($0.utf8)) }
        return (0...(tokens.count - k)).map { start in
            var hash = Self.offsetBasis
            for token in tokenHashes[start..<(start + k)] {
                for shift in stride(from: 0, to: 64, by: 8) { hash = (hash ^ ((token >> UInt64(shift)) & 0xFF)) &* Self.prime }
            }
            return hash
        }
    }

    /// The selected (position, hash) pairs of `hashes`. With fewer hashes than `w`, the whole
    /// document is one window.
    func select(_ hashes: [UInt64]) -> [(position: Int, hash: UInt64)] {
        guard !hashes.isEmpty else { return [] }
        let width = min(w, hashes.count)
        var selected: [(position: Int, hash: UInt64)] = []
        for start in 0...(hashes.count - width) {
            var best = start
            for i in start..<(start + width) where hashes[i] <= hashes[best] { best = i }
            if selected.last?.position != best { selected.append((best, hashes[best])) }
        }
        return selected
    }

    /// The fingerprint set of a normalised token stream.
    func fingerprints(_ tokens: [String]) -> Set<UInt64> {
        Set(select(kGramHashes(tokens)).map(\.hash))
    }

    /// The fingerprints of `tokens` once the code it shares with a base (MOSS's base file: here the
    /// stub) is cut out: every token inside a k-gram whose hash is in `base` is removed, and the
    /// remaining runs are fingerprinted separately, so no k-gram spans a cut. (Subtracting the base's
    /// hashes from the fingerprints alone would keep the k-grams that join a stub line to the line
    /// every solution must write after it, and independent solutions would share them.)
    func fingerprints(_ tokens: [String], excluding base: Set<UInt64>) -> Set<UInt64> {
        var inBase = [Bool](repeating: false, count: tokens.count)
        for (start, hash) in kGramHashes(tokens).enumerated() where base.contains(hash) {
            for i in start..<(start + k) { inBase[i] = true }
        }
        var result = Set<UInt64>(), run: [String] = []
        for (token, cut) in zip(tokens, inBase) {
            if cut {
                result.formUnion(fingerprints(run))
                run = []
            } else {
                run.append(token)
            }
        }
        return result.union(fingerprints(run))
    }

    private static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(offsetBasis) { ($0 ^ UInt64($1)) &* prime }
    }
}
