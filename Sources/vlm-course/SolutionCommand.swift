import Contracts
import ArgumentParser
import Grader

extension VLMCourse {
    struct Solution: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the reference solution of an exercise you have passed.")

        @Argument(help: "The exercise id, e.g. causal-mask.") var id: String
        @Flag(help: "Show it even though your version has not passed yet.") var force = false

        func run() throws {
            try reportingErrors {
                let solution = try CourseActions(root: try CourseRoot.locate()).solution(id, force: force)
                print("// \(solution.path)\n\(solution.text)")
            }
        }
    }
}
