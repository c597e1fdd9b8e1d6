import Foundation

/// `vlm-course autograder --out DIR`: a Gradescope autograder bundle (gradescope/autograder_samples
/// `docs/specs.md`): `setup.sh` and `run_autograder` at the root, plus `course/`, a copy of this
/// course. Zip the folder's contents and upload it as the assignment's autograder.
///
/// On Gradescope, `setup.sh` installs the Debian packages and a Swift toolchain and builds the
/// course (release); `run_autograder` grades `/autograder/submission` as a class of one with
/// `vlm-course grade` and copies that student's Gradescope `results.json` to
/// `/autograder/results/results.json` (a zero-score result with the reason if grading failed).
public struct AutograderBundle {
    public let courseRoot: URL
    public let rubric: URL?
    /// Swift toolchain version installed by `setup.sh`.
    public let swiftVersion: String

    public init(courseRoot: URL, rubric: URL?, swiftVersion: String = "6.3.1") {
        self.courseRoot = courseRoot
        self.rubric = rubric
        self.swiftVersion = swiftVersion
    }

    /// Folders of the course left out of the bundle (build products, state, VCS).
    static let skipped: Set<String> = [".build", ".git", ".vlm-course", ".swiftpm"]

    public func write(to out: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: out, withIntermediateDirectories: true)
        let course = out.appendingPathComponent("course")
        try? fm.removeItem(at: course)
        try fm.createDirectory(at: course, withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: courseRoot.path) where !Self.skipped.contains(name) {
            try fm.copyItem(at: courseRoot.appendingPathComponent(name), to: course.appendingPathComponent(name))
        }
        if let rubric { try fm.copyItem(at: rubric, to: course.appendingPathComponent("rubric.json")) }
        for (name, text) in [("setup.sh", AutograderScripts.setup(swiftVersion: swiftVersion)),
                             ("run_autograder", AutograderScripts.runAutograder)] {
            let url = out.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
    }
}
