import Foundation
import Testing

/// Runs the binary on a pseudo-terminal (util-linux `script`) to check colour and paging.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
struct TerminalTests {
    /// Output of `arguments` run on a 30 × 70 terminal, with `\r\n` turned into `\n`.
    private func onTerminal(_ arguments: String, environment: [String: String] = [:]) throws -> String {
        let command = "stty rows 30 cols 70; \(CourseBinary.executable.path) \(arguments)"
        let result = try CourseBinary.run(["-qc", command, "/dev/null"], environment: environment,
                                          executable: URL(fileURLWithPath: "/usr/bin/script"))
        return result.standardOutput.replacingOccurrences(of: "\r\n", with: "\n")
    }

    @Test func longLessonGoesThroughThePager() throws {
        let output = try onTerminal("show 1", environment: ["PAGER": "cat > /dev/null; echo paged"])
        #expect(output == "paged\n")
    }

    @Test func noPagerPrintsInColourAtTheTerminalWidth() throws {
        let output = try onTerminal("show 1 --no-pager", environment: ["PAGER": "cat > /dev/null; echo paged"])
        #expect(output.hasPrefix("\u{1B}[1;36mPart 1: LLM attention review\u{1B}[0m\n"))
        let visible = output.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        let prose = visible.split(separator: "\n").filter { !$0.hasPrefix("  ") && !$0.hasPrefix("│") }
        let widest = prose.map(\.count).max() ?? 0
        #expect(widest <= 70 && widest > 64, "the terminal has 70 columns (COLUMNS says 80); widest line: \(widest)")
    }

    @Test func plainAndNoColorTurnEscapesOff() throws {
        #expect(try onTerminal("lessons --plain").hasPrefix(" 1  llm-attention         Part 1: LLM attention review"))
        #expect(!(try onTerminal("lessons", environment: ["NO_COLOR": "1"])).contains("\u{1B}"))
        #expect(try onTerminal("lessons").contains("\u{1B}[36mllm-attention\u{1B}[0m"))
    }
}
