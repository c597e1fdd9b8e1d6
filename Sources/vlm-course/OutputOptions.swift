import ArgumentParser
import Lessons

/// Flags shared by every command that prints lesson text.
struct OutputOptions: ParsableArguments {
    @Flag(help: "No colours or other escape codes (also when NO_COLOR is set or output is not a terminal).")
    var plain = false

    @Flag(help: "Print everything at once instead of paging long output.")
    var noPager = false

    /// The display for standard output under these flags.
    var display: Display { Display.current(plain: plain, pager: !noPager) }
}
