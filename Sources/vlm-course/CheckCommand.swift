import ArgumentParser
import Foundation
import Grader

extension VLMCourse {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild your code and grade it: one piece, one part (part1…part3), or everything.",
            discussion: "Exit status: 0 when every checked piece passes, 1 otherwise (2 when the code does not compile).")

        @Argument(help: "An exercise id (e.g. causal-mask) or a part (part1, part2, part3).") var selection: String?
        @OptionGroup var options: GradingOptions
        @Flag(help: "Print the report as JSON (schema in Sources/Grader/README.md).") var json = false

        func run() throws {
            let ids = try CourseCheck.select(selection)
            let report = try options.courseCheck().run(ids)
            print(json ? try report.jsonString() : ReportRenderer.render(report))
            if report.build.status == .failed { throw ExitCode(2) }
            if !report.allPassed { throw ExitCode(1) }
        }
    }
}

/// Flags shared by the grading commands.
struct GradingOptions: ParsableArguments {
    @Option(help: "Seconds each piece may run before it is stopped.") var timeout = 10
    @Flag(help: "Grade the binary as built, without running `swift build` first.") var noBuild = false

    func courseCheck() throws -> CourseCheck {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
        var check = CourseCheck(root: try CourseRoot.locate(), currentExecutable: currentExecutable)
        check.timeout = timeout
        check.rebuild = !noBuild
        return check
    }

    private var currentExecutable: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    }
}
