import ArgumentParser
import Contracts
import Figures
import Foundation
import Grader
import Models
import Solutions

extension VLMCourse {
    /// `vlm-course plot NAME`: one of the notebook's figures in the terminal, as a PNG or as JSON;
    /// `clip-layers` runs a CLIP checkpoint given with `--model DIR`.
    struct Plot: ParsableCommand {
        static let configuration = CommandConfiguration(
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

        @Option(help: ArgumentHelp("clip-layers: a CLIP checkpoint directory (config.json + model.safetensors, or model.safetensors.index.json and its shards).", valueName: "dir"))
        var model: String?

        @Option(help: ArgumentHelp("clip-layers: the PNG or JPEG image the model sees (default: the notebook's 224×224 gradient).", valueName: "file"))
        var image: String?

        func validate() throws {
            if json && png != nil { throw ValidationError("--json and --png are alternatives: choose one") }
            if figure != .clipLayers && (model != nil || image != nil) {
                throw ValidationError("--model and --image apply to clip-layers only")
            }
            if image != nil && model == nil { throw ValidationError("--image needs --model DIR (a CLIP checkpoint)") }
            if mine && model != nil {
                throw ValidationError("--mine does not apply to clip-layers: its data comes from the checkpoint")
            }
        }

        func run() throws {
            let output: PlotOutput = json ? .json
                : png.map { .png(path: $0, dpi: 100) } ?? .terminal(.detect(plain: plain))
            try reportingErrors {
                let drawing: Figure
                if let model {
                    // The same run as `attention --model DIR`: the checkpoint on --image or the gradient image.
                    let input: CLIPRun.Input = image.map { .image(URL(fileURLWithPath: $0)) } ?? .notebookGradient
                    let run = try CLIPRun(directory: URL(fileURLWithPath: model), input: input)
                    drawing = Figure.clipLayers(layerAttentions: run.output.attentions)
                } else if mine {
                    // Computed by the learner's runner, in its own process; drawn here.
                    let mine = try LearnerComputation.run(["plot", figure.rawValue, "--seed", "\(seed)"],
                                                          root: try CourseRoot.locate())
                    var standardError = StandardError()
                    for note in mine.notes { print(note, to: &standardError) }
                    drawing = try Figure.decoded(from: mine.data)
                } else {
                    drawing = try figure.figure(seed: seed, using: Reference.implementations)
                }
                print(try drawing.rendered(to: output), terminator: "")
            }
        }
    }
}

extension FigureName: ExpressibleByArgument {}
