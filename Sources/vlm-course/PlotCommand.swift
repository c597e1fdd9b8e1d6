import Solutions
import ArgumentParser
import Contracts
import Figures
import Grader

extension VLMCourse {
    /// `vlm-course plot NAME`: one of the notebook's figures in the terminal, as a PNG or as JSON.
    struct Plot: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plot",
            abstract: "Draw one of the notebook's figures in the terminal, as a PNG or as JSON.",
            discussion: "Figures:\n"
                + FigureName.allCases.map { "  \($0.rawValue): \($0.summary)" }.joined(separator: "\n")
        )

        @Argument(help: "The figure to draw.")
        var figure: FigureName

        @Option(help: "The seed given to manual_seed before the random inputs are drawn.")
        var seed: UInt64 = 42

        @Flag(help: "Compute the data with your code (Sources/Exercises) instead of the reference solutions; pieces that have not passed `vlm-course check` yet are replaced by the reference.")
        var mine = false

        @Option(help: ArgumentHelp("Write the figure as a PNG image to this file.", valueName: "file"))
        var png: String?

        @Flag(help: "Print the figure's data as JSON.")
        var json = false

        @Flag(help: "No colours: a character ramp (also when NO_COLOR is set or output is not a terminal).")
        var plain = false

        func validate() throws {
            if json && png != nil { throw ValidationError("--json and --png are alternatives: choose one") }
        }

        func run() throws {
            let output: PlotOutput = json ? .json
                : png.map { .png(path: $0, dpi: 100) } ?? .terminal(.detect(plain: plain))
            var standardError = StandardError()
            do {
                let pieces = mine ? try LearnerCode.passedPieces(standingInFor: &standardError) : Reference.implementations
                print(try plot(figure, seed: seed, using: pieces, output: output), terminator: "")
            } catch {
                print("vlm-course: \(error)", to: &standardError)
                throw ExitCode(2)
            }
        }
    }
}

extension FigureName: ExpressibleByArgument {}
