import Contracts
import Foundation
import Synchronization
import Solutions
import TensorKit

/// A layout a mask piece is checked on, and the window for the sliding-window rules.
struct RuleCase: Sendable {
    let label: String
    let layout: TokenLayout
    var window: Int? = nil

    init(_ label: String, _ layout: TokenLayout, window: Int? = nil) {
        self.label = label
        self.layout = layout
        self.window = window
    }
}

/// Checks for the pieces that return an `AttentionRule`: the child materialises the learner's rule
/// (`rule.mask(length:)`, course code, so the shape is always `[T, T]`), the judge compares it with
/// the reference's or transformers' mask and names the most telling wrong position in words.
enum RuleChecks {
    typealias Rule = @Sendable (RuleCase, Implementations) -> AttentionRule
    typealias Explain = @Sendable (MaskDifference) -> String
    /// How telling a wrong position (layout, row, column) is; the highest is explained. Default: the
    /// distance from the diagonal, so a rule that reaches too far is shown where it reaches farthest.
    typealias Rank = @Sendable (TokenLayout, Int, Int) -> Int
    static let fromTheDiagonal: Rank = { _, row, column in abs(row - column) }

    /// Every case's mask equals the reference's. `keys` is the mask's width for a layout (the layout's
    /// length for self-attention, its number of images for cross-attention).
    static func check(_ name: String, _ cases: [RuleCase], keys: @escaping @Sendable (TokenLayout) -> Int = { $0.count },
                      rule: @escaping Rule, explain: @escaping Explain, rank: @escaping Rank = fromTheDiagonal) -> Check {
        Check(name, produce: { impl, _ in record(cases, impl, rule, keys) }, judge: { e, _ in
            for (i, c) in cases.enumerated() {
                let expected = rule(c, Reference.implementations).mask(queries: c.layout.count, keys: keys(c.layout))
                try compare(try e.mask("\(i).mask"), expected, c, explain, rank: rank)
            }
        })
    }

    /// Every case of `family` in transformers' `masks/masks.json` gives transformers' mask.
    static func transformers(_ name: String, family: String, rule: @escaping Rule, explain: @escaping Explain) -> Check {
        Check(name, produce: { impl, context in
            record(try context.transformersMasks(family: family).map(\.ruleCase), impl, rule, { $0.count })
        }, judge: { e, context in
            for (i, fixture) in try context.transformersMasks(family: family).enumerated() {
                let expected = Mask(shape: [fixture.types.count, fixture.types.count], values: fixture.masked.flatMap { $0 })
                try compare(try e.mask("\(i).mask"), expected, fixture.ruleCase, explain)
            }
        })
    }

    private static func record(_ cases: [RuleCase], _ impl: Implementations, _ rule: Rule,
                               _ keys: (TokenLayout) -> Int) -> Evidence {
        var e = Evidence()
        for (i, c) in cases.enumerated() {
            e.record("\(i).mask", rule(c, impl).mask(queries: c.layout.count, keys: keys(c.layout)))
        }
        return e
    }

    /// Throws a message naming the case, how many positions differ, the explanation of the most
    /// telling wrong position (`rank`), and both grids for small layouts.
    static func compare(_ actual: Mask, _ expected: Mask, _ c: RuleCase, _ explain: Explain,
                        rank: Rank = fromTheDiagonal) throws {
        guard actual.shape == expected.shape else {
            throw CheckFailure("\(c.label): expected a mask of shape \(expected.shape), got \(actual.shape)")
        }
        let columns = expected.shape[1]
        let wrong = (0..<expected.count).filter { actual.values[$0] != expected.values[$0] }
        let scores = wrong.map { rank(c.layout, $0 / columns, $0 % columns) }
        guard let worst = wrong.indices.max(by: { scores[$0] < scores[$1] }).map({ wrong[$0] }) else { return }
        let difference = MaskDifference(layout: c.layout, window: c.window, query: worst / columns,
                                        key: worst % columns, expectedMasked: expected.values[worst])
        var message = "\(c.label): \(wrong.count) of \(expected.count) positions differ. " + explain(difference)
        if expected.shape[0] <= 20 && columns <= 20 { message += "\n" + SideBySide.masks(expected: expected, actual: actual) + "\n  (1 = masked)" }
        throw CheckFailure(message)
    }
}

/// One position where the learner's mask differs from the expected one.
struct MaskDifference: Sendable {
    let layout: TokenLayout
    let window: Int?
    let query: Int, key: Int
    /// True when the position should be masked (and the learner's rule allows it).
    let expectedMasked: Bool

    /// How far back the key is from the query (negative: the key comes later).
    var distance: Int { query - key }

    /// `query 6 (image)`, `key 3 (text)`.
    func name(_ role: String, _ position: Int, text: String = "text") -> String {
        let kind = switch layout[position] { case .text: text; case .image: "image"; case .prompt: "prompt" }
        return "\(role) \(position) (\(kind))"
    }

    /// Positions between query and key, exclusive, that hold text.
    var textBetween: [Int] {
        (min(query, key) + 1..<max(query, key)).filter { layout[$0] != .image }
    }
}

/// transformers 5.24's masks, `Tests/Fixtures/masks/masks.json` (made by
/// `scripts/fixtures/make_mask_fixtures.py`): `masked[q][k]` true = query q cannot attend to key k.
struct TransformersMask: Decodable, Sendable {
    let name: String
    let family: String
    let types: String
    let window: Int?
    let chunk: Int?
    let masked: [[Bool]]

    var ruleCase: RuleCase {
        RuleCase("transformers' \"\(name)\" (\(types)\(window.map { ", window \($0)" } ?? ""))",
                 TokenLayout((try? TokenLayout(parsing: types))?.kinds ?? []), window: window)
    }
}

/// `masks.json` decoded once per process and file: the grader judges every student's mask pieces
/// against it, and JSONDecoder is the slow part of those checks.
private enum DecodedMasks {
    static let byPath = Mutex<[String: [TransformersMask]]>([:])
}

extension CheckContext {
    /// The cases of `family` in `masks/masks.json`, or a failure naming the file.
    func transformersMasks(family: String) throws -> [TransformersMask] {
        struct File: Decodable { let cases: [TransformersMask] }
        let url = fixtures.appendingPathComponent("masks/masks.json")
        do {
            let all: [TransformersMask]
            if let cached = DecodedMasks.byPath.withLock({ $0[url.path] }) {
                all = cached
            } else {
                all = try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
                DecodedMasks.byPath.withLock { $0[url.path] = all }
            }
            let cases = all.filter { $0.family == family }
            guard !cases.isEmpty else { throw CheckFailure("it holds no \(family) masks") }
            return cases
        } catch {
            throw CheckFailure("cannot read transformers' masks \(url.path): \(error)")
        }
    }
}
