import ArgumentParser
import Contracts
import Figures
import Grader
import Solutions
import TensorKit

extension VLMCourse {
    /// `vlm-course mask FAMILY --types LAYOUT`: one family's self-attention mask over a token layout,
    /// or every family side by side with `--all`. Reading and checking the words is `MaskRequest`'s.
    struct Mask: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw the attention mask a real model uses over a layout of text and image tokens.",
            discussion: "Families: \(MaskFamily.allCases.map { "\($0.rawValue) (\($0.model))" }.joined(separator: ", ")).\n"
                + "LAYOUT has one letter per token: t text, i image (a run of i is one image), p PaliGemma's "
                + "prompt (for paligemma, i and p are the prefix and t is the answer). Examples:\n"
                + "  vlm-course mask gemma3 --types ttiiitiitt\n  vlm-course mask gemma3-local --types ttiiiitt --window 2\n"
                + "  vlm-course mask --all --types iiippttt --window 3 --chunk 4 --png masks.png"
        )

        @Argument(help: "The mask family (leave out with --all).")
        var family: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("One letter per token: t, i, p.", valueName: "layout"))
        var types: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("sliding, gemma3-local: tokens a query sees, itself included.", valueName: "n"))
        var window: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("chunked: the chunk size in tokens.", valueName: "n"))
        var chunk: String?

        @Flag(help: "Every family side by side (those needing --window or --chunk when given).")
        var all = false

        @Flag(help: "Print {\"family\", \"types\", \"masked\"} as JSON (masked[q][k] true = q cannot attend to k).")
        var json = false

        @Option(help: ArgumentHelp("Write the mask as a PNG image to this file.", valueName: "file"))
        var png: String?

        @Flag(help: "Use your passed lesson 3b pieces; the reference stands in for the others.")
        var mine = false

        @Flag(help: "No colours.")
        var plain = false

        func run() throws {
            try reportingErrors {
                guard !(json && png != nil) else { throw MaskRequestError.jsonAndPNG }
                let request = try MaskRequest(family: family, all: all, types: types, window: window, chunk: chunk)
                let masks: [(family: MaskFamily, mask: TensorKit.Mask)]
                if mine {
                    // Computed by the learner's runner, in its own process; drawn here.
                    let mine = try LearnerComputation.run(["plot", "mask"] + request.words, root: try CourseRoot.locate())
                    var standardError = StandardError()
                    for note in mine.notes { print(note, to: &standardError) }
                    masks = try request.decodedMasks(mine.data)
                } else {
                    masks = request.masks(using: Reference.implementations)
                }
                let output: PlotOutput = json ? .json : png.map { .png(path: $0, dpi: 100) } ?? .terminal(.detect(plain: plain))
                print(try request.rendered(masks, to: output), terminator: "")
            }
        }
    }
}
