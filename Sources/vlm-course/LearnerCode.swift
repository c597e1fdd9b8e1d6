import Contracts
import Exercises
import Grader
import Solutions

/// The learner's implementations: the one place that names the `Exercises` types.
enum LearnerCode {
    static var implementations: Implementations {
        Implementations(CausalMask.self, ScaledDotProductAttention.self, PatchEmbedding.self, ViTAttention.self,
                        VLMMask.self, VisionProjection.self, VLMAttention.self,
                        // Part 3, lesson 3b: the masks real VLMs use.
                        ImageBlockMask.self, PrefixLMMask.self, SlidingWindowMask.self, GatedCrossAttention.self)
    }

    /// The learner's pieces that have passed `vlm-course check` (the progress file's `done`), with
    /// the reference standing in for the others; says which stand in on `log`.
    static func passedPieces(standingInFor log: inout some TextOutputStream) throws -> Implementations {
        let done = Set(try CourseProgress(root: CourseRoot.locate()).done)
        let missing = PieceID.allCases.filter { !done.contains($0) }
        if !missing.isEmpty {
            print("Using the reference for pieces that have not passed `vlm-course check` yet: "
                  + missing.map(\.rawValue).joined(separator: ", "), to: &log)
        }
        return implementations.replacing(missing, from: Reference.implementations)
    }
}
