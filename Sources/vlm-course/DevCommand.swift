import ArgumentParser
import Grader

extension VLMCourse {
    /// Commands for course authors.
    struct Dev: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Course-author tools.", subcommands: [DevCheckCommand.self])
    }

    struct DevCheckCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Verify the course: stubs report todo, references pass every check, lessons cover every piece.")

        @OptionGroup var options: GradingOptions

        func run() throws {
            var findings: [DevCheck.Finding] = []
            try reportingErrors { findings = try DevCheck(check: try options.courseCheck()).run() }
            for finding in findings {
                print("\(finding.ok.map { $0 ? "✓" : "✗" } ?? "!") \(finding.text)")
            }
            let failures = findings.filter { $0.ok == false }.count
            print(failures == 0 ? "\nThe course is consistent." : "\n\(failures) problem(s) found.")
            if failures > 0 { throw ExitCode(1) }
        }
    }
}
