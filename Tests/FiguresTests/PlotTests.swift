import Solutions
import Contracts
import Foundation
import TensorKit
import Testing
@testable import Figures

/// `plot(_:seed:using:output:)`, the one call behind `vlm-course plot`. Uses the mask figure,
/// which draws no random numbers (seeded figures are built once, in `NotebookFigures`).
@Suite struct PlotTests {
    let pieces = Reference.implementations

    @Test func terminalOutputIsTheFiguresText() throws {
        let text = try plot(.vlmMask, seed: 42, using: pieces, output: .terminal(.plain))
        #expect(text == NotebookFigures.seed42.vlmMask.terminalText(style: .plain))
    }

    @Test func jsonOutputIsOneLine() throws {
        let text = try plot(.vlmMask, seed: 42, using: pieces, output: .json)
        #expect(text.hasPrefix(#"{"figure": "vlm-mask", "seed": null, "panels": [{"title": "VLM Attention Mask Structure", "rows": 8, "cols": 8, "data": [[0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0], "#))
        #expect(text.filter { $0 == "\n" }.count == 1 && text.hasSuffix("]}\n"))
    }

    @Test func pngOutputNamesTheFile() throws {
        let (decoded, (path, text)) = try DecodedPNG.roundTrip { path in
            (path, try plot(.vlmMask, seed: 42, using: pieces, output: .png(path: path, dpi: 50)))
        }
        #expect(text == "Wrote \(path) (350×300 pixels)\n")
        let image = try #require(decoded)
        #expect(image.width == 350 && image.height == 300)
    }

    /// A seeded figure draws from the process-wide generator, so it runs in its own process.
    @Test func aSeededFigureIsTheNotebooksNumbers() async {
        await #expect(processExitsWith: .success) {
            let text = try? plot(.causal, seed: 42, using: Reference.implementations, output: .terminal(.plain))
            if text != NotebookFigures.seed42.causal.terminalText(style: .plain) { exit(1) }
        }
    }

    @Test func clipLayersSaysWhatItNeeds() {
        #expect(throws: FigureError.needsCLIPCheckpoint) {
            try plot(.clipLayers, seed: 42, using: pieces, output: .json)
        }
        #expect(FigureError.needsCLIPCheckpoint.description.contains("vlm-course plot clip-layers --model DIR"))
    }
}

/// A learner's mask of the wrong size, for the shape check.
private enum SevenBySevenMask: VLMMaskBuilder {
    static func vlmMask(nImage: Int, nText: Int) -> Mask { Mask(repeating: false, shape: [7, 7]) }
}

@Suite struct WrongShapeTests {
    /// In a process of its own: it points `Pieces` at a wrong mask, which the graders that other suites run
    /// in this process (judging with the reference through `Pieces`) must never see.
    @Test func aPieceOfTheWrongShapeIsAClearError() async {
        let result = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            var pieces = Reference.implementations
            pieces.vlmMask = SevenBySevenMask.self
            do {
                _ = try plot(.vlmMask, seed: 42, using: pieces, output: .json)
                FileHandle.standardError.write(Data("the figure was drawn\n".utf8))
            } catch let error as FigureError where error == .unexpectedShape(what: "the VLM mask", expected: [8, 8], got: [7, 7]) {
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
            }
        }
        #expect(result.map { String(decoding: $0.standardErrorContent, as: UTF8.self) } == "")
        let message = FigureError.unexpectedShape(what: "the VLM mask", expected: [8, 8], got: [7, 7]).description
        #expect(message == "the VLM mask has shape [7, 7] but the figure needs [8, 8]; `vlm-course check` shows what is wrong")
    }
}
