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

/// Computes figure `name` at `seed` with `pieces` and renders it to `output` (see `Figure.rendered(to:)`).
/// - Throws: `FigureError` when the figure has no data here (`clip-layers`) or the PNG cannot be written.
public func plot(_ name: FigureName, seed: UInt64, using pieces: Implementations,
                 output: PlotOutput) throws(FigureError) -> String {
    try name.figure(seed: seed, using: pieces).rendered(to: output)
}

extension Figure {
    /// Renders the figure to `output`; returns the text to print: the terminal drawing with the
    /// notebook's notes, the JSON line, or for a PNG a line naming the file followed by the notes.
    /// - Throws: `FigureError.cannotWritePNG` when the PNG cannot be written.
    public func rendered(to output: PlotOutput) throws(FigureError) -> String {
        switch output {
        case .terminal(let style):
            return terminalText(style: style)
        case .json:
            return json + "\n"
        case .png(let path, let dpi):
            try writePNG(to: path, dpi: dpi)
            let pixels = "\(Int((size.width * dpi).rounded()))×\(Int((size.height * dpi).rounded()))"
            return (["Wrote \(path) (\(pixels) pixels)"] + notes).joined(separator: "\n") + "\n"
        }
    }
}
