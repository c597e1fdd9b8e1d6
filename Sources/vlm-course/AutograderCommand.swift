import Contracts
import ArgumentParser
import BatchGrading
import Foundation
import Grader

extension VLMCourse {
    /// `vlm-course autograder`: a Gradescope autograder bundle, or (`--github`) a GitHub Classroom workflow.
    struct Autograder: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a Gradescope autograder bundle, or with --github a GitHub Classroom workflow.",
            discussion: """
                Gradescope: --out DIR receives setup.sh, run_autograder and the course; upload DIR's contents as a zip. \
                GitHub Classroom: --github writes .github/workflows/classroom.yml into --out (default: this course), \
                grading the student's Sources/Exercises with the course at --grader-commit of --grader-repository \
                (the instructor's repository, readable by the students' workflows).
                """)

        @Option(help: "Folder to write the bundle to (with --github: the repository to write the workflow into).")
        var out: String?
        @Option(help: "JSON rubric to grade with (default: 10 points per piece).") var rubric: String?
        @Flag(help: "Write a GitHub Classroom workflow instead of a Gradescope bundle.") var github = false
        @Option(help: "With --github: the URL of the instructor's course repository.") var graderRepository: String?
        @Option(help: "With --github: the full commit id of that repository to grade with.") var graderCommit: String?

        func run() throws {
            try reportingErrors {
                let rubricURL = rubric.map { URL(fileURLWithPath: $0) }
                let loaded = try rubricURL.map(Rubric.load) ?? Rubric()
                let course = try CourseRoot.locate().url
                if github {
                    guard let graderRepository, let graderCommit else {
                        throw ClassroomWorkflow.Invalid("--github needs --grader-repository URL and "
                            + "--grader-commit COMMIT (the instructor's course, pinned)")
                    }
                    let workflow = try ClassroomWorkflow(graderRepository: graderRepository, graderCommit: graderCommit,
                                                         rubric: loaded)
                    let written = try workflow.write(into: out.map { URL(fileURLWithPath: $0) } ?? course)
                    print("Wrote \(written.path). Commit it to the assignment's template repository.")
                    return
                }
                guard let out else {
                    throw ClassroomWorkflow.Invalid("name the folder for the Gradescope bundle with --out DIR")
                }
                let folder = URL(fileURLWithPath: out)
                try AutograderBundle(courseRoot: course, rubric: rubricURL).write(to: folder)
                print("Wrote the bundle to \(folder.path). Upload its contents as a zip: (cd \(folder.path) && zip -r ../autograder.zip .)")
            }
        }
    }
}
