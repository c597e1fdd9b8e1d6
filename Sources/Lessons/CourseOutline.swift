/// The fixed shape of the course: the notebook's six parts and the seven exercises, each with
/// the stub file that holds its code. This is the one place that maps an exercise id to a file.
public enum CourseOutline {
    /// One piece the learner implements.
    public struct Exercise: Equatable, Sendable {
        /// Stable id used in lessons (` ```swift exercise=<id> `), progress and the grader.
        public var id: String
        /// The notebook part (and lesson number) that teaches it.
        public var part: Int
        /// The learner's stub, relative to the course root; its code sits between
        /// `// ANCHOR: <id>` and `// ANCHOR_END: <id>`.
        public var path: String
    }

    /// The notebook's parts in order; lesson `n` covers `parts[n - 1]`.
    public static let parts = [
        "LLM attention review",
        "ViT basics",
        "LLaVA-style VLM",
        "Attention visualization with a pretrained model",
        "Side-by-side comparison",
        "Interview questions",
    ]

    /// Every exercise in course order.
    public static let exercises = [
        Exercise(id: "causal-mask", part: 1, path: "Sources/Exercises/Part1/CausalMask.swift"),
        Exercise(id: "scaled-dot-product-attention", part: 1,
                 path: "Sources/Exercises/Part1/ScaledDotProductAttention.swift"),
        Exercise(id: "patch-embedding", part: 2, path: "Sources/Exercises/Part2/PatchEmbedding.swift"),
        Exercise(id: "vit-attention", part: 2, path: "Sources/Exercises/Part2/ViTAttention.swift"),
        Exercise(id: "vlm-mask", part: 3, path: "Sources/Exercises/Part3/VLMMask.swift"),
        Exercise(id: "vision-projection", part: 3, path: "Sources/Exercises/Part3/VisionProjection.swift"),
        Exercise(id: "vlm-attention", part: 3, path: "Sources/Exercises/Part3/VLMAttention.swift"),
    ]

    /// The exercise with `id`, or `nil`.
    public static func exercise(_ id: String) -> Exercise? {
        exercises.first { $0.id == id }
    }
}
