import ArgumentParser
import Lessons

extension VLMCourse {
    /// `vlm-course lessons`: the lesson list.
    struct Lessons: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the lessons with their numbers, slugs and exercises."
        )

        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors { try ReadingCommands.list(display: output.display) }
        }
    }
}
