/// One parsed lesson file, `lessons/NN-slug.md` (or `NNx-slug.md`, a part's further lesson).
public struct Lesson: Equatable, Sendable {
    /// 1…6, from the file name's `NN-` prefix: the notebook part.
    public var number: Int
    /// The letter after the number (`b` in `03b-…`), empty for a part's first lesson file.
    public var suffix: String
    /// The file name without the number and extension, e.g. `vit-basics`.
    public var slug: String
    /// The text of the first `#` heading.
    public var title: String
    /// The whole lesson, title heading included.
    public var blocks: [Block]

    /// A lesson from parsed blocks.
    public init(number: Int, suffix: String = "", slug: String, title: String, blocks: [Block]) {
        self.number = number
        self.suffix = suffix
        self.slug = slug
        self.title = title
        self.blocks = blocks
    }

    /// How commands name it: `3`, `3b`.
    public var label: String { "\(number)\(suffix)" }

    /// The file name, e.g. `03b-real-vlm-masks.md`.
    public var fileName: String { String(format: "%02d", number) + suffix + "-" + slug + ".md" }

    /// The exercise ids this lesson teaches, in order of appearance.
    public var exerciseIDs: [String] {
        codeBlocks.compactMap { if case .exercise(let id) = $0.role { id } else { nil } }
    }

    /// The demo cell ids this lesson runs, in order of appearance.
    public var cellIDs: [String] {
        codeBlocks.compactMap { if case .cell(let id) = $0.role { id } else { nil } }
    }

    /// Every code block, including those nested in lists and quotes.
    public var codeBlocks: [CodeBlock] { Self.codeBlocks(in: blocks) }

    private static func codeBlocks(in blocks: [Block]) -> [CodeBlock] {
        blocks.flatMap { block -> [CodeBlock] in
            switch block {
            case .code(let code): [code]
            case .list(_, _, let items): items.flatMap { codeBlocks(in: $0) }
            case .blockQuote(let children): codeBlocks(in: children)
            case .heading, .paragraph, .thematicBreak, .html: []
            }
        }
    }
}
