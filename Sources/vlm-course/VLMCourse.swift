import ArgumentParser

/// The course's command-line entry point: configuration only. Each subcommand `name` is the type
/// `VLMCourse.Name` in `NameCommand.swift`.
@main
struct VLMCourse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vlm-course",
        abstract: "Learn how attention differs in LLMs, ViTs and vision-language models, and grade your code.",
        subcommands: [Map.self, Lessons.self, Show.self, Interview.self,
                      Check.self, Watch.self, Hint.self, Solution.self, Reset.self, Dev.self,
                      Plot.self, Mask.self, Grade.self, Autograder.self,
                      Attention.self, Analyze.self],
        defaultSubcommand: Map.self
    )
}
