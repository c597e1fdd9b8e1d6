import Contracts

/// The self-attention masks `vlm-course mask` draws, named as on the command line.
public enum MaskFamily: String, Sendable, CaseIterable {
    case causal
    case llava
    case paligemma
    case gemma3
    case gemma3Local = "gemma3-local"
    case sliding
    case chunked

    /// Every family name, comma-separated, for messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// `--window N` is required (and allowed) for these.
    public var needsWindow: Bool { self == .sliding || self == .gemma3Local }
    /// `--chunk N` is required (and allowed) for this one.
    public var needsChunk: Bool { self == .chunked }

    /// The model the family stands for, for titles.
    public var model: String {
        switch self {
        case .causal: "decoder-only LLMs"
        case .llava: "LLaVA-1.5"
        case .paligemma: "PaliGemma"
        case .gemma3: "Gemma 3 global"
        case .gemma3Local: "Gemma 3 local"
        case .sliding: "Mistral"
        case .chunked: "Llama 4 chunked"
        }
    }

    /// The family's rule for `layout`: the lesson 3b pieces from `pieces` (the reference, or the
    /// learner's with `--mine`), the rest course code. `window` and `chunk` must be given where needed.
    /// For `causal`, `llava`, `sliding` and `chunked` the letters only label the grid.
    func rule(_ layout: TokenLayout, window: Int?, chunk: Int?, using pieces: Implementations) -> AttentionRule {
        Pieces.install(pieces)  // the learner's sliding-window piece calls the image-block piece through Pieces
        switch self {
        case .causal, .llava: return .causal
        case .paligemma: return pieces.prefixLMMask.prefixLMRule(layout)
        case .gemma3: return pieces.imageBlockMask.imageBlockRule(layout)
        case .gemma3Local: return pieces.slidingWindowMask.localImageRule(layout, window: window ?? 1)
        case .sliding: return pieces.slidingWindowMask.slidingWindowRule(window: window ?? 1)
        case .chunked:
            // Llama 4's chunked attention: causal inside fixed chunks of `chunk` positions.
            let size = chunk ?? 1
            return .causal && AttentionRule { query, key in query / size == key / size }
        }
    }
}
