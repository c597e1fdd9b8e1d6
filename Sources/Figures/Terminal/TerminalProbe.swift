import Foundation

/// What standard output is, as far as drawing on it goes: a terminal or not, its size, and the
/// colours the environment allows. The one place that asks the terminal (`TIOCGWINSZ`) and reads
/// `COLUMNS`, `NO_COLOR` and `COLORTERM`, for figures (`TerminalStyle`) and lessons (Lessons'
/// `Display`) alike.
public struct TerminalProbe: Sendable, Equatable {
    /// Whether standard output is a terminal.
    public var isTerminal: Bool
    /// `COLUMNS` when it is a positive integer (it overrides the terminal, as in most command-line
    /// tools), else the terminal's columns, else 80.
    public var columns: Int
    /// The terminal's rows; 0 when unknown or not a terminal.
    public var rows: Int
    /// `.plain` when output is not a terminal or `NO_COLOR` is set (non-empty); else the depth
    /// `COLORTERM` announces (`colorDepth`).
    public var colors: TerminalStyle.Colors

    /// The probe from explicit inputs: the environment, whether output is a terminal and, if the
    /// terminal reported it, its size.
    public init(environment: [String: String], isTerminal: Bool, terminalSize: (columns: Int, rows: Int)?) {
        self.isTerminal = isTerminal
        let size = isTerminal ? terminalSize.flatMap { $0.columns > 0 ? $0 : nil } : nil
        columns = environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? size?.columns ?? 80
        rows = size.map { Swift.max($0.rows, 0) } ?? 0
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        colors = !isTerminal || noColor ? .plain : Self.colorDepth(environment)
    }

    /// The probe of this process's standard output.
    public static func standardOutput() -> TerminalProbe {
        let isTerminal = isatty(STDOUT_FILENO) == 1
        var size = winsize()
        let known = isTerminal && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
        return TerminalProbe(environment: ProcessInfo.processInfo.environment, isTerminal: isTerminal,
                             terminalSize: known ? (Int(size.ws_col), Int(size.ws_row)) : nil)
    }

    /// The colour depth of a terminal under `environment`: 24-bit when `COLORTERM` is `truecolor` or
    /// `24bit`, else the xterm 256-colour palette.
    public static func colorDepth(_ environment: [String: String]) -> TerminalStyle.Colors {
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        return colorTerm == "truecolor" || colorTerm == "24bit" ? .trueColor : .ansi256
    }
}
