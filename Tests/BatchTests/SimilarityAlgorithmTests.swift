@testable import BatchGrading
import Foundation
import Testing

/// The parts of the similarity report: tokens, normalisation, winnowing, anchors.
@Suite("Similarity: tokens and winnowing")
struct SimilarityAlgorithmTests {
    static func normalised(_ code: String) -> [String] { TokenNormalizer.normalise(SwiftTokenizer.tokens(code)) }

    @Test("comments, whitespace, strings and numbers do not reach the fingerprints")
    func tokens() {
        let code = """
            let s = "a \\(b + "c") d" /* block /* nested */ still */ + #"raw "x" "#  // line
            let n = 0x1F + 2.5e3 + 1_000
            """
        #expect(Self.normalised(code) == ["let", "I", "=", "S", "+", "S", "let", "I", "=", "N", "+", "N", "+", "N"])
        #expect(SwiftTokenizer.tokens("\"\"\"\nline \"quoted\"\n\"\"\" + x").map(\.text) == ["S", "+", "x"])
    }

    @Test("operators: ranges and compound assignments are single tokens, member access is a dot")
    func operators() {
        #expect(SwiftTokenizer.tokens("for i in 0..<n { a.b += -1 }").map(\.text)
            == ["for", "i", "in", "0", "..<", "n", "{", "a", ".", "b", "+=", "-", "1", "}"])
    }

    @Test("renaming what the code declares changes nothing; the API it calls is kept")
    func renaming() {
        let original = """
            func f(_ x: Tensor, seqLen: Int) -> Tensor {
                let (b, n) = (x.dim(0), x.dim(1))
                let q = x.matmul(x), k = q.softmax(axis: -1)
                for i in 0..<seqLen { print(i, b, n) }
                return Pieces.attention(q: q, k: k, v: k, mask: nil).output.map { value in value * 2 }
            }
            """
        let renamed = """
            func g(_ input: Tensor, seqLen count: Int) -> Tensor {
                // a different comment
                let (batch, tokens) = (input.dim(0), input.dim(1))
                let query = input.matmul(input), key = query.softmax(axis: -1)
                for index in 0..<count { print(index, batch, tokens) }
                return Pieces.attention(q: query, k: key, v: key, mask: nil).output.map { y in y * 2 }
            }
            """
        let (a, b) = (Self.normalised(original), Self.normalised(renamed))
        let bodyStart = { (tokens: [String]) in tokens.firstIndex(of: "{") ?? 0 }
        #expect(a[bodyStart(a)...] == b[bodyStart(b)...])
        for api in ["matmul", "softmax", "axis", "attention", "q", "mask", "output", "dim", "Pieces"] {
            #expect(a.contains(api), "\(api) should stay as written")
        }
        #expect(!a.contains("x") && !a[bodyStart(a)...].contains("seqLen") && !b.contains("count"))
    }

    @Test("hostile or broken code is tokenized without a trap: unterminated literals and comments, stray characters")
    func hostileCode() {
        let cases: [(String, [String])] = [
            ("let a = \"open\nlet b = 1", ["let", "a", "=", "S", "let", "b", "=", "1"]),
            ("x /* never closed /* nested */ y", ["x"]),
            ("##\"raw\"# still raw", ["S"]),
            ("a # $ \u{0} 🙂 \\", ["a", "#", "$", "\u{0}", "🙂", "\\"]),
            ("\"\\(f(\"(\")) ok\" + 1", ["S", "+", "1"]),
            ("", []),
        ]
        for (code, expected) in cases {
            #expect(SwiftTokenizer.tokens(code).map(\.text) == expected, "\(code)")
        }
        var state: UInt64 = 7
        let junk = (0..<20_000).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        #expect(!SimilarityAlgorithmTests.normalised(String(decoding: junk, as: UTF8.self)).isEmpty)
        // A raw string opened with 100 000 hashes and never closed: one string token, read in linear time.
        let hashes = String(repeating: "#", count: 100_000) + "\"" + String(repeating: "\"# x ", count: 20_000)
        #expect(SwiftTokenizer.tokens(hashes).map(\.text) == ["S"])
    }

    @Test("winnowing selects the rightmost minimum of each window, once per position")
    func selection() {
        let winnowing = Winnowing(k: 1, w: 3)
        let selected = winnowing.select([5, 1, 4, 1, 9, 2, 6])
        #expect(selected.map(\.position) == [1, 3, 5])
        #expect(winnowing.select([7, 3]).map(\.position) == [1])
        #expect(winnowing.select([]).isEmpty)
    }

    /// The paper's guarantee: a run of at least w + k − 1 tokens in both documents shares a fingerprint.
    @Test("any shared run of w + k − 1 tokens yields a shared fingerprint", arguments: [(4, 3), (10, 3), (6, 5)])
    func guarantee(k: Int, w: Int) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let winnowing = Winnowing(k: k, w: w)
        for _ in 0..<200 {
            let shared = (0..<(w + k - 1)).map { _ in "t\(next(6))" }
            let a = (0..<next(30)).map { _ in "a\(next(6))" } + shared + (0..<next(30)).map { _ in "a\(next(6))" }
            let b = (0..<next(30)).map { _ in "b\(next(6))" } + shared + (0..<next(30)).map { _ in "b\(next(6))" }
            #expect(!winnowing.fingerprints(a).isDisjoint(with: winnowing.fingerprints(b)), "\(shared)")
        }
    }

    @Test("code shared with the stub is cut out, and no k-gram spans the cut")
    func baseRemoved() {
        let winnowing = Winnowing(k: 3, w: 2)
        let stub = ["a", "b", "c", "d"]
        let base = Set(winnowing.kGramHashes(stub))
        #expect(winnowing.fingerprints(stub, excluding: base).isEmpty)
        let written = stub + ["x", "y", "z"]
        let prints = winnowing.fingerprints(written, excluding: base)
        #expect(prints == winnowing.fingerprints(["x", "y", "z"]))
        #expect(prints.isDisjoint(with: Set(winnowing.kGramHashes(["c", "d", "x"]))))
    }

    @Test("fingerprints are the same in every process (FNV-1a, not Swift's seeded Hasher)")
    func stableHashes() {
        #expect(Winnowing.fnv1a(Array("a".utf8)) == 0xAF63_DC4C_8601_EC8C)
    }

    @Test("a piece's code: between its anchors anywhere, else the file named like the catalog's, else none")
    func pieceCode() {
        let anchored = "x\n    // ANCHOR: vlm-mask\nlet a = 1\n    // ANCHOR_END: vlm-mask\ny"
        #expect(PieceCode.find("vlm-mask", catalogFile: "Sources/Exercises/Part3/VLMMask.swift",
                               in: ["All.swift": anchored]) == "let a = 1")
        #expect(PieceCode.find("vlm-mask", catalogFile: "Sources/Exercises/Part3/VLMMask.swift",
                               in: ["mine/VLMMask.swift": "whole file"]) == "whole file")
        #expect(PieceCode.find("vlm-mask", catalogFile: "Sources/Exercises/Part3/VLMMask.swift",
                               in: ["Other.swift": "x"]) == nil)
    }
}
