import Contracts

/// The `main.swift` of every student's runner, compiled against that student's `Exercises` module:
/// it names the catalog's types and hands them to the grader's child side.
enum RunnerSource {
    static let text = """
        import Contracts
        import Exercises
        import Grader

        BatchRunnerEntry.run(learner: \(Implementations.initializerCall(module: "Exercises")))

        """
}
