@testable import BatchGrading
import Foundation
import Testing

/// The Gradescope bundle has the two scripts at its root and a buildable copy of the course.
@Suite("Gradescope autograder bundle")
struct AutograderTests {
    @Test("setup.sh and run_autograder are executable; the course and the rubric are inside")
    func bundle() throws {
        let scratch = try CoursePaths.scratch("autograder")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let rubric = scratch.appendingPathComponent("rubric.json")
        try Data(#"{"pieces": {}}"#.utf8).write(to: rubric)
        let out = scratch.appendingPathComponent("bundle")
        try AutograderBundle(courseRoot: CoursePaths.root, rubric: rubric).write(to: out)
        for script in ["setup.sh", "run_autograder"] {
            #expect(FileManager.default.isExecutableFile(atPath: out.appendingPathComponent(script).path))
        }
        let course = out.appendingPathComponent("course")
        for file in ["Package.swift", "Stubs/Part1/CausalMask.swift", "Tests/Fixtures", "rubric.json"] {
            #expect(FileManager.default.fileExists(atPath: course.appendingPathComponent(file).path))
        }
        #expect(!FileManager.default.fileExists(atPath: course.appendingPathComponent(".build").path))
        let run = try String(contentsOf: out.appendingPathComponent("run_autograder"), encoding: .utf8)
        #expect(run.contains("root=${AUTOGRADER_ROOT:-/autograder}"))
        #expect(run.contains("\"$root/submission/.\""))
        #expect(run.contains("results=$root/results/results.json"))
        #expect(run.contains("gradescope/student.json"))
    }

    /// Gradescope builds the course from source, so its setup must install the -dev package of every
    /// C library Package.swift links. Debian's `libjpeg62-turbo-dev` is installed by its neutral name,
    /// `libjpeg-dev`, which Ubuntu (Gradescope's base images) also has.
    @Test("setup.sh installs every C library Package.swift names")
    func setupInstallsEveryCLibrary() throws {
        let manifest = try String(contentsOf: CoursePaths.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let packages = manifest.components(separatedBy: ".apt([\"").dropFirst().compactMap { $0.split(separator: "\"").first }
        #expect(packages.count >= 6)
        let setup = AutograderScripts.setup(swiftVersion: "6.3.1")
        for package in packages {
            let installed = package == "libjpeg62-turbo-dev" ? "libjpeg-dev" : String(package)
            #expect(setup.contains(" \(installed)"), "setup.sh does not install \(installed)")
        }
    }
}
