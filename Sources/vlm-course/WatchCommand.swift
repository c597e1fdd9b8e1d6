import ArgumentParser
import Grader

extension VLMCourse {
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recheck the current exercise every time you save (h hint, n next, l list, q quit).")

        @OptionGroup var options: GradingOptions

        func run() throws {
            try reportingErrors {
                try WatchLoop(check: try options.courseCheck()) { print($0) }.run()
            }
        }
    }
}
