import Contracts

/// What `vlm-course mask` was asked for, read and checked from the command line's words: one
/// family (or all of them), a layout of at most `maxTokens` letters, a window and a chunk size.
public struct MaskRequest: Sendable, Equatable {
    /// The longest layout drawn (a 4,096 × 4,096 mask; its JSON is about 100 MB).
    public static let maxTokens = 4096

    public let families: [MaskFamily]
    /// The letters as given.
    public let types: String
    public let layout: TokenLayout
    public let window: Int?
    public let chunk: Int?
    /// `--all`: several families side by side; `p` then reads as text outside PaliGemma.
    public let isAll: Bool

    /// - Throws: `MaskRequestError`, one line saying what is wrong and what to write instead.
    public init(family: String?, all: Bool, types: String?, window: String?, chunk: String?) throws(MaskRequestError) {
        let window = try Self.count(window, "--window"), chunk = try Self.count(chunk, "--chunk")
        if all {
            guard family == nil else { throw .familyWithAll(family ?? "") }
            families = MaskFamily.allCases.filter { (!$0.needsWindow || window != nil) && (!$0.needsChunk || chunk != nil) }
        } else {
            guard let family else { throw .noFamily }
            guard let chosen = MaskFamily(rawValue: family) else { throw .unknownFamily(family) }
            if chosen.needsWindow != (window != nil) { throw chosen.needsWindow ? .missing("--window", chosen) : .misplaced("--window", chosen) }
            if chosen.needsChunk != (chunk != nil) { throw chosen.needsChunk ? .missing("--chunk", chosen) : .misplaced("--chunk", chosen) }
            families = [chosen]
        }
        guard let types else { throw .noTypes }
        guard !types.isEmpty else { throw .emptyTypes }
        guard types.count <= Self.maxTokens else { throw .tooLong(types.count) }
        do {
            layout = try TokenLayout(parsing: types)
        } catch {
            throw .unknownLetter(error)
        }
        if !all, families != [.paligemma], let p = layout.firstIndex(of: .prompt) { throw .promptOutsidePaliGemma(p, families[0]) }
        self.types = types
        self.window = window
        self.chunk = chunk
        isAll = all
    }

    /// A request from command-line words (a family or `--all`, `--types L`, `--window N`, `--chunk N`),
    /// as lesson cells and the learner's runner receive them.
    public init(words: [String]) throws(MaskRequestError) {
        var rest = words[...]
        var family: String?, types: String?, window: String?, chunk: String?, all = false
        while let word = rest.popFirst() {
            switch word {
            case "--all": all = true
            case "--types": types = rest.popFirst()
            case "--window": window = rest.popFirst()
            case "--chunk": chunk = rest.popFirst()
            default: family = word
            }
        }
        try self.init(family: family, all: all, types: types, window: window, chunk: chunk)
    }

    /// The words that make this request again (`init(words:)`).
    public var words: [String] {
        (isAll ? ["--all"] : families.map(\.rawValue)) + ["--types", types]
            + (window.map { ["--window", "\($0)"] } ?? []) + (chunk.map { ["--chunk", "\($0)"] } ?? [])
    }

    /// A count given as `--window`/`--chunk`: a whole number of at least 1, or nil when not given.
    private static func count(_ text: String?, _ option: String) throws(MaskRequestError) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text) else { throw .notANumber(option, text) }
        guard value >= 1 else { throw .belowOne(option, value) }
        return value
    }

    /// The layout family `family` reads: outside PaliGemma (with `--all`), prompt letters are text.
    func layout(for family: MaskFamily) -> TokenLayout {
        family == .paligemma ? layout : TokenLayout(layout.map { $0 == .prompt ? .text : $0 })
    }
}

/// Why a `vlm-course mask` command line cannot be drawn; `description` is the one line printed.
public enum MaskRequestError: Error, Equatable, CustomStringConvertible {
    case noFamily, unknownFamily(String), familyWithAll(String)
    case noTypes, emptyTypes, tooLong(Int), unknownLetter(TokenLayout.UnknownLetter), promptOutsidePaliGemma(Int, MaskFamily)
    case missing(String, MaskFamily), misplaced(String, MaskFamily), notANumber(String, String), belowOne(String, Int)
    case jsonAndPNG

    public var description: String {
        switch self {
        case .noFamily: "give a mask family (\(MaskFamily.names)) or --all"
        case .unknownFamily(let name): "unknown mask family '\(name)'; the families are \(MaskFamily.names)"
        case .familyWithAll(let name): "--all draws every family: drop '\(name)' or drop --all"
        case .noTypes: "--types LAYOUT is required: one letter per token, t text, i image, p prompt (e.g. --types ttiiitt)"
        case .emptyTypes: "--types is empty: write one letter per token, t text, i image, p prompt (e.g. --types ttiiitt)"
        case .tooLong(let count): "--types has \(count) tokens; the explorer draws at most \(MaskRequest.maxTokens)"
        case .unknownLetter(let letter): "--types: \(letter)"
        case .promptOutsidePaliGemma(let position, let family):
            "--types: 'p' at position \(position + 1) is PaliGemma's prompt, which \(family.rawValue) does not have; write t for text"
        case .missing(let option, let family):
            "\(family.rawValue) needs \(option) N (\(option == "--window" ? "how many tokens a query sees, itself included" : "the chunk size in tokens"))"
        case .misplaced(let option, let family):
            "\(option) applies to \(option == "--window" ? "sliding and gemma3-local" : "chunked") only, not to \(family.rawValue)"
        case .notANumber(let option, let text): "\(option) '\(text)' is not a whole number"
        case .belowOne(let option, let value): "\(option) must be at least 1, got \(value)"
        case .jsonAndPNG: "--json and --png are alternatives: choose one"
        }
    }
}
