/// The `main.swift` of every student's runner, compiled against that student's `Exercises`
/// module: it names the seven types and hands them to the grader's child side.
enum RunnerSource {
    static let text = """
        import Contracts
        import Exercises
        import Grader

        BatchRunnerEntry.run(learner: Implementations(
            causalMask: Exercises.CausalMask.self, attention: Exercises.ScaledDotProductAttention.self,
            patchEmbedding: Exercises.PatchEmbedding.self, vitAttention: Exercises.ViTAttention.self,
            vlmMask: Exercises.VLMMask.self, visionProjection: Exercises.VisionProjection.self,
            vlmAttention: Exercises.VLMAttention.self))

        """
}
