import ArgumentParser

/// The course's command-line entry point: configuration only; each subcommand lives in its own file.
@main
struct VLMCourse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vlm-course",
        abstract: "Learn how attention differs in LLMs, ViTs and vision-language models, and grade your code.",
        subcommands: [MapCommand.self, LessonsCommand.self, ShowCommand.self, InterviewCommand.self,
                      Check.self, Watch.self, Hint.self, Solution.self, Reset.self, Dev.self,
                      Plot.self, MaskCommand.self, Grade.self, Autograder.self,
                      Attention.self],
        defaultSubcommand: MapCommand.self
    )
}
