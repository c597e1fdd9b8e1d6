/// One exercise of the course: a TODO piece of the notebook.
public struct ExerciseInfo: Sendable, Hashable {
    /// The id used on the command line, e.g. `causal-mask`.
    public let id: String
    public let title: String
    /// Notebook part and lesson number (1–6).
    public let part: Int
    /// Path of the learner's file relative to the course root (the reference has the same path
    /// under `Sources/Solutions`).
    public let file: String
    /// Pieces this one calls through `Pieces`; when one of them does not pass, the reference stands in.
    public let dependencies: [String]
}

/// The seven exercises in course order.
public enum Catalog {
    public static let exercises: [ExerciseInfo] = [
        ExerciseInfo(id: "causal-mask", title: "Causal mask", part: 1,
                     file: "Sources/Exercises/Part1/CausalMask.swift", dependencies: []),
        ExerciseInfo(id: "scaled-dot-product-attention", title: "Scaled dot-product attention", part: 1,
                     file: "Sources/Exercises/Part1/ScaledDotProductAttention.swift", dependencies: ["causal-mask"]),
        ExerciseInfo(id: "patch-embedding", title: "Patch embedding", part: 2,
                     file: "Sources/Exercises/Part2/PatchEmbedding.swift", dependencies: []),
        ExerciseInfo(id: "vit-attention", title: "ViT multi-head attention", part: 2,
                     file: "Sources/Exercises/Part2/ViTAttention.swift",
                     dependencies: ["scaled-dot-product-attention"]),
        ExerciseInfo(id: "vlm-mask", title: "VLM attention mask", part: 3,
                     file: "Sources/Exercises/Part3/VLMMask.swift", dependencies: []),
        ExerciseInfo(id: "vision-projection", title: "Vision projection", part: 3,
                     file: "Sources/Exercises/Part3/VisionProjection.swift", dependencies: []),
        ExerciseInfo(id: "vlm-attention", title: "VLM attention", part: 3,
                     file: "Sources/Exercises/Part3/VLMAttention.swift",
                     dependencies: ["vlm-mask", "scaled-dot-product-attention"]),
    ]

    public static func exercise(_ id: String) -> ExerciseInfo? { exercises.first { $0.id == id } }
}
