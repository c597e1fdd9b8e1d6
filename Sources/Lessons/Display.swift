import Figures
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where output goes and how it may look: the width to wrap at, whether colour and a pager are
/// allowed.
public struct Display: Equatable, Sendable {
    /// Wrapping width: the probe's columns (`COLUMNS`, else the terminal's, else 80), at most
    /// `maximumWidth` so paragraphs stay readable on wide screens.
    public var width: Int
    /// Terminal rows, used to decide whether to page; 0 when unknown.
    public var height: Int
    /// ANSI styling on: only on a terminal, without `--plain` and without `NO_COLOR`.
    public var color: Bool
    /// Paging on: only on a terminal and without `--no-pager`.
    public var pages: Bool

    /// A display with explicit settings (tests, or output that is not standard output).
    public init(width: Int, height: Int = 0, color: Bool, pages: Bool) {
        self.width = width
        self.height = height
        self.color = color
        self.pages = pages
    }

    /// Lessons wrap at most this many columns, however wide the terminal.
    public static let maximumWidth = 100

    /// The display of this process's standard output (Figures' `TerminalProbe`).
    public static func current(plain: Bool, pager: Bool) -> Display {
        Display(TerminalProbe.standardOutput(), plain: plain, pager: pager)
    }

    /// The display `probe` allows: colour unless `plain` (or the probe says none), paging only on a
    /// terminal and with `pager`.
    public init(_ probe: TerminalProbe, plain: Bool, pager: Bool) {
        self.init(width: min(probe.columns, Self.maximumWidth), height: probe.rows,
                  color: probe.colors != .plain && !plain, pages: probe.isTerminal && pager)
    }

    /// The renderer for this display.
    public var renderer: LessonRenderer { LessonRenderer(width: width, plain: !color) }

    /// `lines` as text for this display.
    public func text(_ lines: [StyledLine]) -> String {
        StyledText.string(lines, color: color)
    }

    /// Writes `text` to standard output, through `$PAGER` (default `less -R`) when paging is on and
    /// the text is taller than the terminal.
    public func present(_ text: String) {
        let lineCount = text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        guard pages, height > 0, lineCount >= height else { return print(text, terminator: "") }
        setenv("LESS", "R", 0)
        let command = getenv("PAGER").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "less -R"
        guard let pipe = popen(command, "w") else { return print(text, terminator: "") }
        fputs(text, pipe)
        pclose(pipe)
    }
}
