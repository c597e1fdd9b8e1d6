import Foundation

/// How figures are drawn in a terminal: the colours it can show and its width in columns.
public struct TerminalStyle: Sendable, Hashable {
    /// The colours a terminal can show.
    public enum Colors: String, Sendable, Hashable {
        /// 24-bit colour half blocks (`COLORTERM=truecolor` or `24bit`).
        case trueColor
        /// Half blocks in the xterm 256-colour palette.
        case ansi256
        /// No colour: the character ramp `" .:-=+*#%@"`, box-drawing separators.
        case plain
    }

    public var colors: Colors
    /// Columns available; figures are laid out (and downsampled if need be) to fit.
    public var width: Int

    public init(colors: Colors, width: Int) {
        self.colors = colors
        self.width = width
    }

    /// Plain text, 80 columns: what golden tests and pipes get.
    public static let plain = TerminalStyle(colors: .plain, width: 80)

    /// The style for standard output: plain with `plain`, `NO_COLOR` or when output is not a
    /// terminal; 24-bit colour when `COLORTERM` says so, else 256 colours. The width is `COLUMNS`,
    /// else the terminal's (ioctl), else 80.
    public static func detect(plain: Bool = false) -> TerminalStyle {
        let isTerminal = isatty(STDOUT_FILENO) != 0
        return detect(plain: plain, environment: ProcessInfo.processInfo.environment, isTerminal: isTerminal,
                      terminalColumns: isTerminal ? queryTerminalColumns() : nil)
    }

    /// `detect(plain:)` from explicit inputs.
    public static func detect(plain: Bool, environment: [String: String], isTerminal: Bool,
                              terminalColumns: Int?) -> TerminalStyle {
        let width = environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? terminalColumns ?? 80
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        if plain || noColor || !isTerminal { return TerminalStyle(colors: .plain, width: width) }
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        let colors: Colors = colorTerm == "truecolor" || colorTerm == "24bit" ? .trueColor : .ansi256
        return TerminalStyle(colors: colors, width: width)
    }

    private static func queryTerminalColumns() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
