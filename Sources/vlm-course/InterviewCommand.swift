import ArgumentParser
import Lessons

extension VLMCourse {
    /// `vlm-course interview [--quiz]`: the interview questions, all at once or as a quiz.
    struct Interview: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the interview questions with answers, or quiz yourself with --quiz."
        )

        @Flag(help: "One question at a time; Enter shows the answer; mark it known or again (saved in .vlm-course/quiz.json).")
        var quiz = false

        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                if quiz {
                    try ReadingCommands.quiz(display: output.display)
                } else {
                    try ReadingCommands.interview(display: output.display)
                }
            }
        }
    }
}
