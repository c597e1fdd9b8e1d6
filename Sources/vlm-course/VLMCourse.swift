import ArgumentParser

/// The course's command-line entry point: configuration only; each subcommand lives in its own file.
@main
struct VLMCourse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vlm-course",
        abstract: "Learn how attention differs in LLMs, ViTs and vision-language models, and grade your code.",
        subcommands: [Attention.self]
    )
}
