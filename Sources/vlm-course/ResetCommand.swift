import Contracts
import ArgumentParser
import Grader

extension VLMCourse {
    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Restore an exercise's original stub (your version is kept as a backup).")

        @Argument(help: "The exercise id, e.g. causal-mask.") var id: String

        func run() throws {
            try reportingErrors {
                let backup = try CourseActions(root: try CourseRoot.locate()).reset(id)
                print("Restored the stub of \(id). Your version is saved as \(backup).")
            }
        }
    }
}
