import Contracts
import Foundation
import Testing
@testable import Lessons

/// Every formula of every lesson renders to clean Unicode: no LaTeX left over (`_`, `^`, `\`) and no
/// doubled bracket from a `\frac` inside parentheses.
@Suite struct LessonMathTests {
    /// What is wrong with `latex` rendered, or nil.
    static func problem(_ latex: String) -> String? {
        let rendered = UnicodeMath.render(latex)
        let leftovers = ["_", "^", "\\", "((", "))", "[[", "]]"].filter(rendered.contains)
        return leftovers.isEmpty ? nil : "`\(latex)` renders as `\(rendered)` (leftover \(leftovers.joined(separator: " ")))"
    }

    /// The formulas of `blocks`: `$…$` spans in text (headings, paragraphs, lists, quotes, tables) and
    /// each line of a ` ```math ` fence.
    static func formulas(in blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .heading(_, let inlines), .paragraph(let inlines): formulas(in: inlines)
            case .list(_, _, let items): items.flatMap { formulas(in: $0) }
            case .blockQuote(let children): formulas(in: children)
            case .code(let code) where code.role == .math: code.body.split(separator: "\n").map(String.init)
            case .code(let code) where code.role == .table:
                ((try? TableParser.rows(code.body)) ?? []).flatMap { $0 }.flatMap { formulas(in: [.text($0)]) }
            case .code, .thematicBreak, .html: []
            }
        }
    }

    static func formulas(in inlines: [Inline]) -> [String] {
        InlineMath.extract(inlines).flatMap { inline -> [String] in
            switch inline {
            case .math(let latex): [latex]
            case .emphasis(let children), .strong(let children), .link(_, let children): formulas(in: children)
            case .text, .code, .softBreak, .lineBreak: []
            }
        }
    }

    @Test func everyFormulaOfEveryLessonRendersCleanly() throws {
        let lessons = try LessonLibrary(root: LessonLoopTests.root).lessons()
        let all = lessons.flatMap { lesson in Self.formulas(in: lesson.blocks).map { (lesson.number, $0) } }
        #expect(all.count > 50)
        for (number, latex) in all {
            #expect(Self.problem(latex) == nil, "lesson \(number): \(Self.problem(latex) ?? "")")
        }
    }

    @Test(arguments: [
        #"W_q"#, #"e^{-\infty} = 0"#, #"\text{softmax}(\frac{Q_h K_h^T}{\sqrt{64}})"#, #"\foo"#, #"[[1]]"#,
    ])
    func theCheckFindsWhatTheTerminalCannotShow(latex: String) {
        #expect(Self.problem(latex) != nil)
    }

    @Test func theFormulasThatReplacedThemAreClean() {
        #expect(UnicodeMath.render(#"\exp(-\infty) = 0"#) == "exp(-∞) = 0")
        #expect(UnicodeMath.render(#"A_h = \text{softmax}(Q_h K_h^T / \sqrt{64})"#) == "Aₕ = softmax(Qₕ Kₕᵀ / √64)")
        #expect(Self.problem(#"\text{softmax}(s)_j = \exp(s_j) / \sum_k \exp(s_k)"#) == nil)
    }
}
