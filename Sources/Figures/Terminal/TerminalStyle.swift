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

    /// The style for standard output (`TerminalProbe.standardOutput()`), plain with `plain`.
    public static func detect(plain: Bool = false) -> TerminalStyle {
        TerminalStyle(TerminalProbe.standardOutput(), plain: plain)
    }

    /// The style `probe` allows: its colours (none with `plain`) at its width in columns.
    public init(_ probe: TerminalProbe, plain: Bool) {
        self.init(colors: plain ? .plain : probe.colors, width: probe.columns)
    }
}
