import ArgumentParser
import Lessons

extension VLMCourse {
    /// `vlm-course` / `vlm-course map`: the six lessons, exercises done, and where to continue.
    struct Map: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the course map: lessons, exercises done, and where to continue."
        )

        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors { try ReadingCommands.map(display: output.display) }
        }
    }
}
