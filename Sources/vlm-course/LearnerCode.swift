import Contracts
import Exercises
import Grader
import Solutions

/// The learner's seven implementations: the one place that names the `Exercises` types.
enum LearnerCode {
    static var implementations: Implementations {
        Implementations(causalMask: CausalMask.self, attention: ScaledDotProductAttention.self,
                        patchEmbedding: PatchEmbedding.self, vitAttention: ViTAttention.self,
                        vlmMask: VLMMask.self, visionProjection: VisionProjection.self,
                        vlmAttention: VLMAttention.self)
    }

    /// The learner's pieces that have passed `vlm-course check` (the progress file's `done`), with
    /// the reference standing in for the others; says which stand in on `log`.
    static func passedPieces(standingInFor log: inout some TextOutputStream) throws -> Implementations {
        let done = Set(try Progress(root: CourseRoot.locate()).done)
        let missing = Catalog.exercises.map(\.id).filter { !done.contains($0) }
        if !missing.isEmpty {
            print("Using the reference for pieces that have not passed `vlm-course check` yet: "
                  + missing.joined(separator: ", "), to: &log)
        }
        return implementations.replacing(missing, from: Reference.implementations)
    }
}
