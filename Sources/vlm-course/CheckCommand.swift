import Contracts
import ArgumentParser
import Foundation
import Grader

extension VLMCourse {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild your code and grade it: one piece, one part (part1…part3), or everything.",
            discussion: "Exit status: 0 when every checked piece passes, 1 when one does not, 2 on a usage or course "
                + "error, 3 when the code does not compile.")

        @Argument(help: "An exercise id (e.g. causal-mask) or a part (part1, part2, part3).") var selection: String?
        @OptionGroup var options: GradingOptions
        @Flag(help: "Print the report as JSON (schema in Sources/Grader/README.md).") var json = false

        func run() throws {
            var report: GradeReport?
            try reportingErrors {
                report = try options.courseCheck().run(try CourseCheck.select(selection))
                print(json ? try report?.jsonString() ?? "" : report.map(ReportRenderer.render) ?? "")
            }
            if report?.build.status == .failed { throw ExitCode(3) }
            if report?.allPassed != true { throw ExitCode(1) }
        }
    }
}

/// Flags shared by the grading commands.
struct GradingOptions: ParsableArguments {
    @Option(help: "Seconds each piece may run before it is stopped.") var timeout = 10
    @Flag(help: "Grade with the runner as last built, without rebuilding your code first.") var noBuild = false
    @Flag(help: ArgumentHelp("Grade the reference solutions instead of your code (course authors).", visibility: .hidden))
    var solutions = false
    @Flag(help: ArgumentHelp("Rebuild with `swift build` only, never with the direct swiftc path.", visibility: .hidden))
    var swiftpm = false

    func courseCheck() throws -> CourseCheck {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
        var check = CourseCheck(root: try CourseRoot.locate())
        check.timeout = timeout
        check.rebuild = !noBuild
        check.useSolutions = solutions
        check.alwaysUseSwiftPM = swiftpm
        return check
    }
}
