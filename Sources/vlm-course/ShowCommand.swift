import ArgumentParser
import Lessons

extension VLMCourse {
    /// `vlm-course show N`: one lesson, with its demo cells run.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a lesson; its demo cells run and their output appears inline.",
            discussion: "A cell that uses your pieces runs the reference until they pass `vlm-course check`, then your code, and says which ran. Code that answers an exercise stays hidden until that exercise passes."
        )

        @Argument(help: "The lesson: a number from 1 to 6, 3b for part 3's second lesson, or a slug such as vit-basics.")
        var lesson: String

        @Flag(help: "Show the demo cells' code without running them.")
        var noRun = false

        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                try ReadingCommands.show(lesson, runCells: !noRun, display: output.display, learner: LearnerCells().run)
            }
        }
    }
}
