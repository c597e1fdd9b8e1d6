import ArgumentParser
import Lessons
#if canImport(Glibc)
import Glibc
#endif

/// Flags shared by every command that prints lesson text.
struct OutputOptions: ParsableArguments {
    @Flag(help: "No colours or other escape codes (also when NO_COLOR is set or output is not a terminal).")
    var plain = false

    @Flag(help: "Print everything at once instead of paging long output.")
    var noPager = false

    /// The display for standard output under these flags.
    var display: Display { Display.current(plain: plain, pager: !noPager) }
}

/// Runs `action`; a `CourseError` becomes a one-line message on standard error and exit code 2.
func reportingCourseErrors(_ action: () throws(CourseError) -> Void) throws {
    do {
        try action()
    } catch {
        var standardError = StandardError()
        print("vlm-course: \(error)", to: &standardError)
        throw ExitCode(2)
    }
}

/// Standard error as a `TextOutputStream`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var text = string
        text.withUTF8 { bytes in _ = Glibc.write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
    }
}
