import ArgumentParser
import Lessons

extension VLMCourse {
    /// `vlm-course` / `vlm-course map`: the six lessons, exercises done, and where to continue.
    struct MapCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "map",
            abstract: "Show the course map: lessons, exercises done, and where to continue."
        )

        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingCourseErrors { () throws(CourseError) in try ReadingCommands.map(display: output.display) }
        }
    }
}
