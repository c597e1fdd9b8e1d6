import Contracts
import ArgumentParser
import Grader

extension VLMCourse {
    struct Hint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the next hint for an exercise (each call reveals one more level).")

        @Argument(help: "The exercise id, e.g. causal-mask.") var id: String

        func run() throws {
            try reportingErrors {
                let hint = try CourseActions(root: try CourseRoot.locate()).nextHint(id)
                print("Hint \(hint.level)/\(hint.of) for \(id):\n  \(hint.text)")
                if hint.level < hint.of { print("(run again for the next hint)") }
            }
        }
    }
}
