/// Every piece the learner implements, in course order. The raw value is the id used on the
/// command line, in lessons (` ```swift exercise=<id> `), in progress files and in exports.
///
/// Code that does something per piece switches over this enum with no `default`, so adding a case
/// makes the compiler list every place the new piece still needs (the Contracts README has the list).
public enum PieceID: String, CaseIterable, Sendable, Codable, Comparable {
    case causalMask = "causal-mask"
    case attention = "scaled-dot-product-attention"
    case patchEmbedding = "patch-embedding"
    case vitAttention = "vit-attention"
    case vlmMask = "vlm-mask"
    case visionProjection = "vision-projection"
    case vlmAttention = "vlm-attention"
    // Part 3, lesson 3b: the masks real VLMs use.
    case imageBlockMask = "image-block-mask"
    case prefixLMMask = "prefix-lm-mask"
    case slidingWindowMask = "sliding-window-mask"
    case gatedCrossAttention = "gated-cross-attention"

    /// Course order: the order of the cases.
    public static func < (a: PieceID, b: PieceID) -> Bool { a.index < b.index }
    private var index: Int { Self.allCases.firstIndex(of: self)! }

    /// What the course knows about this piece.
    public var info: ExerciseInfo {
        switch self {
        case .causalMask:
            ExerciseInfo(self, "Causal mask", part: 1, folder: "Part1", type: "CausalMask")
        case .attention:
            ExerciseInfo(self, "Scaled dot-product attention", part: 1, folder: "Part1",
                         type: "ScaledDotProductAttention", dependencies: [.causalMask])
        case .patchEmbedding:
            ExerciseInfo(self, "Patch embedding", part: 2, folder: "Part2", type: "PatchEmbedding")
        case .vitAttention:
            ExerciseInfo(self, "ViT multi-head attention", part: 2, folder: "Part2", type: "ViTAttention",
                         dependencies: [.attention])
        case .vlmMask:
            ExerciseInfo(self, "VLM attention mask", part: 3, folder: "Part3", type: "VLMMask")
        case .visionProjection:
            ExerciseInfo(self, "Vision projection", part: 3, folder: "Part3", type: "VisionProjection")
        case .vlmAttention:
            ExerciseInfo(self, "VLM attention", part: 3, folder: "Part3", type: "VLMAttention",
                         dependencies: [.vlmMask, .attention])
        // Part 3, lesson 3b: the masks real VLMs use.
        case .imageBlockMask:
            ExerciseInfo(self, "Image-block mask (Gemma 3)", part: 3, lesson: Catalog.realMasksLesson,
                         folder: "Part3", type: "ImageBlockMask")
        case .prefixLMMask:
            ExerciseInfo(self, "Prefix-LM mask (PaliGemma)", part: 3, lesson: Catalog.realMasksLesson,
                         folder: "Part3", type: "PrefixLMMask")
        case .slidingWindowMask:
            ExerciseInfo(self, "Sliding-window mask (Mistral, Gemma 3 local)", part: 3,
                         lesson: Catalog.realMasksLesson, folder: "Part3", type: "SlidingWindowMask",
                         dependencies: [.imageBlockMask])
        case .gatedCrossAttention:
            ExerciseInfo(self, "Gated cross-attention (Llama 3.2 Vision)", part: 3, lesson: Catalog.realMasksLesson,
                         folder: "Part3", type: "GatedCrossAttention", dependencies: [.attention])
        }
    }
}

/// One exercise of the course: a piece the learner implements.
public struct ExerciseInfo: Sendable, Hashable {
    public let piece: PieceID
    public let title: String
    /// The notebook part (1–6) that teaches it.
    public let part: Int
    /// The lesson file that teaches it, relative to the course root (`lessons/01-llm-attention.md`).
    public let lesson: String
    /// The learner's file relative to the course root; the reference has the same path under
    /// `Sources/Solutions`, the pristine stub under `Stubs`.
    public let file: String
    /// The type the learner's file defines (the reference defines one of the same name).
    public let typeName: String
    /// Pieces this one calls through `Pieces`; graded first, and the reference stands in for any
    /// that did not pass.
    public let dependencies: [PieceID]

    /// The id used on the command line, e.g. `causal-mask`.
    public var id: String { piece.rawValue }

    init(_ piece: PieceID, _ title: String, part: Int, lesson: String? = nil, folder: String, type: String,
         dependencies: [PieceID] = []) {
        self.piece = piece
        self.title = title
        self.part = part
        self.lesson = lesson ?? Catalog.lessons[part - 1]
        self.file = "Sources/Exercises/\(folder)/\(type).swift"
        self.typeName = type
        self.dependencies = dependencies
    }
}

/// The course: the notebook's six parts, their lessons, and the pieces in course order.
public enum Catalog {
    /// The notebook's parts in order; part `n` is `parts[n - 1]`.
    public static let parts = [
        "LLM attention review",
        "ViT basics",
        "LLaVA-style VLM",
        "Attention visualization with a pretrained model",
        "Side-by-side comparison",
        "Interview questions",
    ]

    /// The first lesson file of each part, relative to the course root (a part may have more).
    public static let lessons = [
        "lessons/01-llm-attention.md",
        "lessons/02-vit-basics.md",
        "lessons/03-llava-vlm.md",
        "lessons/04-pretrained-attention.md",
        "lessons/05-comparison.md",
        "lessons/06-interview-questions.md",
    ]

    /// Part 3's second lesson file: the masks real VLMs use.
    static let realMasksLesson = "lessons/03b-real-vlm-masks.md"

    /// Every piece in course order.
    public static let exercises: [ExerciseInfo] = PieceID.allCases.map(\.info)

    /// The piece with command-line id `id`, or nil.
    public static func exercise(_ id: String) -> ExerciseInfo? { PieceID(rawValue: id)?.info }

    /// Every id, comma-separated, for messages that list what is valid.
    public static var idList: String { PieceID.allCases.map(\.rawValue).joined(separator: ", ") }
}
