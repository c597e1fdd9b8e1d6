import Solutions
import Contracts

/// Where a plotted figure goes.
public enum PlotOutput: Sendable {
    /// Text for a terminal in this style.
    case terminal(TerminalStyle)
    /// The data as JSON (one line).
    case json
    /// A PNG file at `path`, `figsize × dpi` pixels.
    case png(path: String, dpi: Double)
}

/// Computes figure `name` at `seed` with `pieces` and renders it to `output`.
///
/// Returns the text to print: the terminal drawing with the notebook's notes, the JSON line, or
/// for a PNG a line naming the file followed by the notes.
/// - Throws: `FigureError` when the figure has no data here (`clip-layers`) or the PNG cannot be written.
public func plot(_ name: FigureName, seed: UInt64, using pieces: Implementations,
                 output: PlotOutput) throws(FigureError) -> String {
    let figure = try name.figure(seed: seed, using: pieces)
    switch output {
    case .terminal(let style):
        return figure.terminalText(style: style)
    case .json:
        return figure.json + "\n"
    case .png(let path, let dpi):
        try figure.writePNG(to: path, dpi: dpi)
        let size = "\(Int((figure.size.width * dpi).rounded()))×\(Int((figure.size.height * dpi).rounded()))"
        return (["Wrote \(path) (\(size) pixels)"] + figure.notes).joined(separator: "\n") + "\n"
    }
}

/// Figure `name` computed with the reference solutions at `seed`, as terminal text in `style`:
/// the drawing and the notebook's notes. For lesson cells (`vlm-course show N`).
/// - Throws: `FigureError.unknownFigure` for a name that is no figure, `.needsCLIPCheckpoint` for
///   `clip-layers`.
public func render(name: String, seed: UInt64 = 42, style: TerminalStyle) throws(FigureError) -> String {
    guard let figure = FigureName(rawValue: name) else { throw .unknownFigure(name) }
    return try plot(figure, seed: seed, using: Reference.implementations, output: .terminal(style))
}
