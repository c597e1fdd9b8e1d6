import Testing
@testable import Figures

/// Terminal rendering: plain goldens, colour escapes, fitting the width.
@Suite struct TerminalFigureRendererTests {
    let figures = NotebookFigures.seed42

    @Test(arguments: ["causal", "vit", "vlm-mask", "vlm-attention", "compare"])
    func plainRenderingMatchesItsGolden(name: String) throws {
        let figure = try #require(figures.all.first { $0.name == name })
        try Golden.check(figure.terminalText(style: .plain), named: "\(name).txt")
    }

    @Test func compareSitsSideBySideWhenWide() throws {
        let text = figures.compare.terminalText(style: TerminalStyle(colors: .plain, width: 160))
        try Golden.check(text, named: "compare-160.txt")
        let titleLine = try #require(text.split(separator: "\n").first { $0.contains("LLM: Causal Attention") })
        #expect(titleLine.contains("ViT: Bidirectional Attention") && titleLine.contains("VLM: Mixed Attention"))
    }
}

/// Colour rendering: half blocks carry the data's colours; escapes match the colour depth.
@Suite struct TerminalColorTests {
    let causal = NotebookFigures.seed42.causal

    @Test func halfBlocksCarryTheCellColours() throws {
        let panel = causal.panels[0]
        let layout = TerminalPanel(panel, scale: 4, factor: 1, plain: false)
        let grid = layout.draw()
        let heatmapY = 2  // title, y label, then the heatmap
        for row in 0..<panel.rows {
            for column in 0..<panel.columns {
                let cell = grid[layout.heatmapX + 4 * column, heatmapY + 2 * row]
                #expect(cell.character == "▀")
                #expect(cell.foreground == panel.color(row: row, column: column))
                #expect(cell.background == panel.color(row: row, column: column))
            }
        }
        // The upper triangle is zero: Blues' lightest colour; the first token attends only to itself.
        #expect(grid[layout.heatmapX + 4 * 5, heatmapY + 2].foreground == RGB(hex: 0xF7FBFF))
        #expect(grid[layout.heatmapX, heatmapY].foreground == RGB(hex: 0x08306B))
    }

    @Test func dashedSeparatorsAlternateWithTheData() throws {
        let panel = NotebookFigures.seed42.vlmAttention.panels[0]
        let layout = TerminalPanel(panel, scale: 2, factor: 1, plain: false)
        let grid = layout.draw()
        let separatorX = layout.heatmapX + 2 * 9  // one column after nine image tokens
        let column = (3..<10).map { grid[separatorX, $0] }
        #expect(column.contains { $0.foreground == .red && $0.background == .red })
        #expect(column.contains { $0.foreground != .red })
    }

    @Test func escapesFollowTheColourDepth() {
        let trueColor = causal.terminalText(style: TerminalStyle(colors: .trueColor, width: 80))
        let ansi256 = causal.terminalText(style: TerminalStyle(colors: .ansi256, width: 80))
        let plain = causal.terminalText(style: .plain)
        #expect(trueColor.contains("\u{1B}[0;38;2;8;48;107;48;2;8;48;107m▀"))
        #expect(!trueColor.contains("38;5;"))
        #expect(ansi256.contains("38;5;") && !ansi256.contains("38;2;"))
        #expect(!plain.contains("\u{1B}"))
        #expect(trueColor.contains("Key Position (past → future)"))
        let lines = trueColor.split(separator: "\n")
        #expect(lines[0] == "     \u{1B}[0;1mLLM: Causal Self-Attention\u{1B}[0m")  // bold title, reset once
        #expect(lines[1] == "Query Position ↓")  // plain text needs no escapes
    }

    @Test func xterm256PicksCubeAndGreyEntries() {
        #expect(RGB.red.xterm256Index == 196)
        #expect(RGB.white.xterm256Index == 231)
        #expect(RGB(128, 128, 128).xterm256Index == 244)
        #expect(RGB(0, 0, 100).xterm256Index == 17)
        #expect(RGB(hex: 0xF7FBFF).xterm256Index == 231)
    }
}

/// Choosing colours and width from the environment (`TerminalProbe`, the one probe).
@Suite struct TerminalProbeTests {
    @Test func plainWhenAskedOrNotATerminal() {
        let env = ["COLORTERM": "truecolor"]
        let terminal = TerminalProbe(environment: env, isTerminal: true, terminalSize: (100, 30))
        #expect(TerminalStyle(terminal, plain: true).colors == .plain)
        #expect(TerminalProbe(environment: env, isTerminal: false, terminalSize: nil).colors == .plain)
        #expect(TerminalProbe(environment: ["NO_COLOR": "1", "COLORTERM": "truecolor"], isTerminal: true,
                              terminalSize: (100, 30)).colors == .plain)
        #expect(TerminalProbe(environment: ["NO_COLOR": ""], isTerminal: true, terminalSize: (100, 30)).colors == .ansi256)
    }

    @Test func colourDepthFromCOLORTERM() {
        let probe = TerminalProbe(environment: ["COLORTERM": "24bit"], isTerminal: true, terminalSize: (90, 30))
        #expect(TerminalStyle(probe, plain: false) == TerminalStyle(colors: .trueColor, width: 90))
        #expect(TerminalProbe(environment: ["TERM": "xterm-256color"], isTerminal: true, terminalSize: (90, 30)).colors == .ansi256)
        #expect(TerminalProbe.colorDepth(["COLORTERM": "TrueColor"]) == .trueColor)
    }

    /// `COLUMNS` overrides the terminal's width, as in most command-line tools.
    @Test func widthFromCOLUMNSThenTheTerminalThen80() {
        #expect(TerminalProbe(environment: ["COLUMNS": "132"], isTerminal: true, terminalSize: (90, 30)).columns == 132)
        #expect(TerminalProbe(environment: ["COLUMNS": "x"], isTerminal: true, terminalSize: (90, 30)).columns == 90)
        #expect(TerminalProbe(environment: ["COLUMNS": "0"], isTerminal: true, terminalSize: (90, 30)).columns == 90)
        #expect(TerminalProbe(environment: [:], isTerminal: true, terminalSize: nil).columns == 80)
        #expect(TerminalProbe(environment: [:], isTerminal: false, terminalSize: nil).columns == 80)
    }

    /// Rows only from a terminal (for the pager); none when output is not one.
    @Test func rowsComeFromTheTerminalOnly() {
        #expect(TerminalProbe(environment: [:], isTerminal: true, terminalSize: (90, 30)).rows == 30)
        #expect(TerminalProbe(environment: ["COLUMNS": "132"], isTerminal: false, terminalSize: (90, 30)) ==
                TerminalProbe(environment: ["COLUMNS": "132"], isTerminal: false, terminalSize: nil))
    }
}

/// Every figure fits the width it is given, in colour and plain, shrinking or downsampling.
@Suite struct TerminalWidthTests {
    @Test(arguments: [40, 60, 80, 120, 200])
    func everyDrawingFitsTheWidth(width: Int) {
        for figure in NotebookFigures.seed42.all {
            for colors in [TerminalStyle.Colors.plain, .trueColor] {
                let text = figure.terminalText(style: TerminalStyle(colors: colors, width: width))
                let drawing = text.split(separator: "\n", omittingEmptySubsequences: false)
                    .dropLast(figure.notes.count + 1)
                    .map { $0.replacing(/\u{1B}\[[0-9;]*m/, with: "") }
                    .filter { !$0.hasPrefix("(downsampled") }
                #expect(drawing.allSatisfy { $0.count <= width }, "\(figure.name) at \(width) (\(colors))")
            }
        }
    }
}
