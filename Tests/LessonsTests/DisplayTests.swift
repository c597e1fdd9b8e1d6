import Figures
import Lessons
import Testing

/// A lesson display from Figures' terminal probe: its width (capped for lessons), colour and paging.
@Suite struct DisplayTests {
    @Test func aTerminalGivesColourPagingAndItsWidthCappedAt100() {
        let probe = TerminalProbe(environment: [:], isTerminal: true, terminalSize: (150, 40))
        #expect(Display(probe, plain: false, pager: true) == Display(width: 100, height: 40, color: true, pages: true))
        #expect(Display(probe, plain: true, pager: false) == Display(width: 100, height: 40, color: false, pages: false))
    }

    /// `COLUMNS` overrides the terminal's width for lessons too.
    @Test func columnsOverridesTheTerminal() {
        let probe = TerminalProbe(environment: ["COLUMNS": "60"], isTerminal: true, terminalSize: (90, 30))
        #expect(Display(probe, plain: false, pager: true).width == 60)
    }

    @Test func aPipeGetsNoColourNoPagerAndCOLUMNSOr80() {
        let pipe = TerminalProbe(environment: ["COLORTERM": "truecolor"], isTerminal: false, terminalSize: nil)
        #expect(Display(pipe, plain: false, pager: true) == Display(width: 80, height: 0, color: false, pages: false))
        let narrow = TerminalProbe(environment: ["COLUMNS": "50"], isTerminal: false, terminalSize: nil)
        #expect(Display(narrow, plain: false, pager: true).width == 50)
        let noColor = TerminalProbe(environment: ["NO_COLOR": "1"], isTerminal: true, terminalSize: (80, 24))
        #expect(Display(noColor, plain: false, pager: true).color == false)
    }
}
