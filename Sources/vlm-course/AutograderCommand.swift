import ArgumentParser
import BatchGrading
import Foundation
import Grader

extension VLMCourse {
    /// `vlm-course autograder`: writes a Gradescope autograder bundle for this course.
    struct Autograder: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a Gradescope autograder bundle (setup.sh, run_autograder, the course) to a folder.")

        @Option(help: "Folder to write the bundle to.") var out: String
        @Option(help: "JSON rubric to grade with (default: 10 points per piece).") var rubric: String?

        func run() throws {
            try reportingErrors {
                let rubricURL = rubric.map { URL(fileURLWithPath: $0) }
                if let rubricURL { _ = try Rubric.load(rubricURL) }
                let folder = URL(fileURLWithPath: out)
                try AutograderBundle(courseRoot: try CourseRoot.locate().url, rubric: rubricURL).write(to: folder)
                print("Wrote the bundle to \(folder.path). Upload its contents as a zip: (cd \(folder.path) && zip -r ../autograder.zip .)")
            }
        }
    }
}
