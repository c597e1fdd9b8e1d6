import Foundation
import Testing

/// Runs the binary on a pseudo-terminal (util-linux `script`) to check colour and paging.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
struct TerminalTests {
    /// Output of `arguments` run on a 30 × 70 terminal, with `\r\n` turned into `\n`. `COLUMNS`
    /// (80 in `CourseBinary`'s environment) is removed unless `columns` gives it.
    private func onTerminal(_ arguments: String, columns: Int? = nil, environment: [String: String] = [:]) throws -> String {
        let set = columns.map { "COLUMNS=\($0)" } ?? "-u COLUMNS"
        let command = "stty rows 30 cols 70; env \(set) \(CourseBinary.executable.path) \(arguments)"
        let result = try CourseBinary.run(["-qc", command, "/dev/null"], environment: environment,
                                          executable: URL(fileURLWithPath: "/usr/bin/script"))
        return result.standardOutput.replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// The widest prose line of a lesson shown in colour (code boxes and quotes left out).
    private func widestProse(_ output: String) -> Int {
        let visible = output.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        return visible.split(separator: "\n").filter { !$0.hasPrefix("  ") && !$0.hasPrefix("│") }.map(\.count).max() ?? 0
    }

    @Test func longLessonGoesThroughThePager() throws {
        let output = try onTerminal("show 1", environment: ["PAGER": "cat > /dev/null; echo paged"])
        #expect(output == "paged\n")
    }

    @Test func noPagerPrintsInColourAtTheTerminalWidth() throws {
        let output = try onTerminal("show 1 --no-pager", environment: ["PAGER": "cat > /dev/null; echo paged"])
        #expect(output.hasPrefix("\u{1B}[1;36mPart 1: LLM attention review\u{1B}[0m\n"))
        let widest = widestProse(output)
        #expect(widest <= 70 && widest > 64, "the terminal has 70 columns; widest line: \(widest)")
    }

    /// `COLUMNS` overrides the terminal's width (Figures' `TerminalProbe`), for lessons and figures alike.
    @Test func columnsOverridesTheTerminal() throws {
        let lesson = try onTerminal("show 1 --no-pager", columns: 90)
        #expect(widestProse(lesson) > 80 && widestProse(lesson) <= 90, "widest line: \(widestProse(lesson))")
        let plot = try onTerminal("plot compare --plain", columns: 160)
        let titles = try #require(plot.split(separator: "\n").first { $0.contains("LLM: Causal Attention") })
        #expect(titles.contains("VLM: Mixed Attention"), "side by side at 160 columns on a 70-column terminal")
    }

    @Test func plainAndNoColorTurnEscapesOff() throws {
        #expect(try onTerminal("lessons --plain").hasPrefix(" 1  llm-attention         Part 1: LLM attention review"))
        #expect(!(try onTerminal("lessons", environment: ["NO_COLOR": "1"])).contains("\u{1B}"))
        #expect(try onTerminal("lessons").contains("\u{1B}[36mllm-attention\u{1B}[0m"))
    }
}
