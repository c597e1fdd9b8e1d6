import ArgumentParser
import Lessons

extension VLMCourse {
    /// `vlm-course lessons`: the lesson list.
    struct LessonsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lessons",
            abstract: "List the lessons with their numbers, slugs and exercises."
        )

        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingCourseErrors { () throws(CourseError) in try ReadingCommands.list(display: output.display) }
        }
    }
}
