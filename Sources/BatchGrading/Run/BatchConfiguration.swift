import Foundation

/// What `vlm-course grade` was asked to do, checked before anything runs.
public struct BatchConfiguration: Sendable {
    public var submissions: URL
    public var out: URL
    public var jobs = 2
    /// Seconds each piece may run.
    public var timeout = 10
    public var rubric = Rubric()
    public var regrade = false
    public var sandboxed = true
    /// The course checkout whose prebuilt modules and fixtures grade the class.
    public var courseRoot: URL
    /// SwiftPM's build folder to use as is; nil builds the `CourseKit` product first.
    public var buildFolder: URL?

    public init(submissions: URL, out: URL, courseRoot: URL) {
        self.submissions = submissions.standardizedFileURL
        self.out = out.standardizedFileURL
        self.courseRoot = courseRoot
    }

    /// An argument problem, reported in one line (exit status 2).
    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    /// Checks the folders and numbers, creating `out` if needed.
    public func validate() throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: submissions.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Invalid("the submissions folder \(submissions.path) does not exist or is not a folder")
        }
        guard jobs >= 1 else { throw Invalid("--jobs must be at least 1") }
        guard timeout >= 1 else { throw Invalid("--timeout must be a positive number of seconds") }
        do {
            try fm.createDirectory(at: out, withIntermediateDirectories: true)
        } catch {
            throw Invalid("cannot create the output folder \(out.path): \(error.localizedDescription)")
        }
        guard fm.isWritableFile(atPath: out.path) else { throw Invalid("the output folder \(out.path) is not writable") }
        guard out.path != submissions.path, !out.path.hasPrefix(submissions.path + "/") else {
            throw Invalid("the output folder must not be inside the submissions folder")
        }
    }
}
