import Contracts

/// A fenced code block and what its info string asks for.
///
/// The info string is a language followed by `key=value` attributes:
///
/// ```text
/// ```swift exercise=causal-mask      the learner's stub, included from Sources/Exercises
/// ```swift cell=part1.causal-demo    a runnable demo, included from Sources/Demos
/// ```swift cell=… reveals=vlm-mask   code that solves a piece: hidden until that piece passes
/// ```math                            display LaTeX, rendered as Unicode
/// ```table                           rows of `|`-separated cells; the first row is the header
/// ```
public struct CodeBlock: Equatable, Sendable {
    /// What the block is for.
    public enum Role: Equatable, Sendable {
        /// Code shown as written.
        case listing
        /// The learner's piece `id`; the body is filled from the stub's `// ANCHOR: id` region.
        case exercise(String)
        /// The demo cell `id`; the body is filled from its anchor and its output shown after it.
        case cell(String)
        /// A display formula in the documented LaTeX subset.
        case math
        /// A table; see `TableParser`.
        case table
    }

    /// The first word of the info string (`swift`, `text`, `math`, `table`), or `nil`.
    public var language: String?
    /// What the block is for, from the info string's attributes.
    public var role: Role
    /// The text between the fences, ending in a newline unless empty. For exercises and cells,
    /// `LessonIncludes` replaces it with the anchored source region.
    public var body: String
    /// The root-relative file the body was included from, if any.
    public var origin: String?
    /// What running the cell printed, shown after the code; `nil` when not run.
    public var output: String?
    /// Whose code made `output` (the reference's, or the learner's pieces); `nil` for cells that
    /// use no piece.
    public var outputSource: String?
    /// The pieces whose answer this code shows (` reveals=<id>,… `): it is shown only once they pass.
    public var reveals: [PieceID] = []
    /// Set by `LessonIncludes`: the pieces of `reveals` that have not passed yet. While any is left,
    /// the body and output are withheld and the block says how to unlock it.
    public var locked: [PieceID] = []

    /// A code block; `origin` and `output` are set when includes are resolved.
    public init(language: String?, role: Role, body: String, origin: String? = nil, output: String? = nil) {
        self.language = language
        self.role = role
        self.body = body
        self.origin = origin
        self.output = output
    }
}
