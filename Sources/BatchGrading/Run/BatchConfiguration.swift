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
    /// Wait for another run on `out` to finish instead of refusing at once (`--wait`).
    public var wait = false
    /// Folder for the build work (`--scratch`); nil keeps it in `out/.work`.
    public var scratch: URL?
    public var compileLimits = CompileLimits()
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
        guard compileLimits.memoryBytes >= 512 << 20 else {
            throw Invalid("--compile-memory must be at least 512M: compiling and linking a correct submission needs about 400 MB")
        }
        do {
            try fm.createDirectory(at: out, withIntermediateDirectories: true)
        } catch {
            throw Invalid("cannot create the output folder \(out.path): \(error.localizedDescription)")
        }
        guard fm.isWritableFile(atPath: out.path) else { throw Invalid("the output folder \(out.path) is not writable") }
        guard out.path != submissions.path, !out.path.hasPrefix(submissions.path + "/") else {
            throw Invalid("the output folder must not be inside the submissions folder")
        }
        if let scratch {
            guard fm.fileExists(atPath: scratch.path, isDirectory: &isDirectory), isDirectory.boolValue,
                  fm.isWritableFile(atPath: scratch.path) else {
                throw Invalid("the scratch folder \(scratch.path) does not exist or is not a writable folder")
            }
            guard scratch.path != submissions.path, !scratch.path.hasPrefix(submissions.path + "/") else {
                throw Invalid("the scratch folder must not be inside the submissions folder")
            }
        }
    }

    /// `3G`, `600M`, `600MB`, `2048MiB` or a number of bytes (units are powers of 1024).
    public static func bytes(_ text: String, option: String) throws -> Int {
        let units: [String: Int] = ["": 0, "B": 0, "K": 10, "M": 20, "G": 30, "T": 40]
        var suffix = text.uppercased().drop(while: \.isNumber)
        for tail in ["IB", "B"] where suffix.hasSuffix(tail) && suffix.count > tail.count {
            suffix = suffix.dropLast(tail.count)
            break
        }
        let digits = text.prefix(while: \.isNumber)
        guard let shift = units[String(suffix)], let number = Int(digits), number > 0,
              number <= Int.max >> (shift + 1) else {
            throw Invalid("\(option) takes a size such as 3G or 600M, not \"\(text)\"")
        }
        return number << shift
    }
}
