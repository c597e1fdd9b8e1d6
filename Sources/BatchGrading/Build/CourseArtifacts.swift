import Foundation
import Grader

/// The course built once for a batch: module folders, the `CourseKit` archive and the
/// precompiled runner that every student's code is compiled and linked against.
///
/// Two module folders (symlinks into the build folder) decide what code can see:
/// - `student-modules`: TensorKit and Contracts only. Student files compile here, so
///   `import Solutions` (or `Grader`) fails with "no such module".
/// - `runner-modules`: also Grader and Solutions, for the small runner `main.swift` that wires
///   the student's types into the grader.
public struct CourseArtifacts: Sendable {
    public let root: URL
    /// SwiftPM's build folder, e.g. `<root>/.build/release`.
    public let buildFolder: URL
    public let studentModules: URL
    public let runnerModules: URL
    public let runnerSource: URL
    /// The Clang module cache every batch compile shares: warmed by building `RunnerObject`, then
    /// read-only to the students' compilers (a private, empty cache would cost each compile about
    /// a second rebuilding the system modules).
    public let moduleCache: URL
    /// `main.swift` precompiled against the stubs (see `RunnerObject`); nil if that failed.
    public private(set) var runnerObject: URL?

    public var library: URL { buildFolder.appendingPathComponent("libCourseKit.a") }
    /// The module maps of the C modules TensorKit imports (OpenBLAS, TensorKernels).
    public var cModuleMaps: [URL] { DirectBuild.cModuleMaps.map { root.appendingPathComponent($0) } }
    public var fixtures: URL { root.appendingPathComponent("Tests/Fixtures") }
    public var stubs: URL { root.appendingPathComponent("Stubs") }
    /// `swiftc` with the flags every batch compile shares.
    var swiftc: [String] {
        ["swiftc", "-Onone", "-swift-version", "6", "-module-cache-path", moduleCache.path]
            + cModuleMaps.flatMap { ["-Xcc", "-fmodule-map-file=\($0.path)"] }
    }
    /// What a student's compiler reads of the course: bound read-only into its sandbox.
    public var compilerReadable: [URL] {
        [buildFolder, studentModules, runnerModules, runnerSource.deletingLastPathComponent(), moduleCache]
            + cModuleMaps.map { $0.deletingLastPathComponent() }
    }

    public enum Failure: Error, CustomStringConvertible {
        case buildFailed(String)
        case missing(String)
        case unreadable(String)
        public var description: String {
            switch self {
            case .buildFailed(let log): "building the course failed:\n\(log)"
            case .missing(let path): "\(path) is missing; build the course first (swift build -c release --product CourseKit)"
            case .unreadable(let why): "the course's fixtures cannot be read (\(why)); nothing was graded"
            }
        }
    }

    /// Builds the `CourseKit` product of the course at `root` in release with SwiftPM (student
    /// code runs the course's tensor code, several times faster optimised; a no-op when current).
    public static func build(root: URL) throws -> URL {
        let arguments = ["swift", "build", "-c", "release", "--product", "CourseKit", "--package-path", root.path]
        let outcome = try ChildProcess.run("/usr/bin/env", arguments, environment: ProcessInfo.processInfo.environment,
                                           timeout: 1_800, outputCap: 65_536)
        guard outcome.termination == .exited(0) else {
            throw Failure.buildFailed((outcome.stdout + outcome.stderr).split(separator: "\n").suffix(20).joined(separator: "\n"))
        }
        return root.appendingPathComponent(".build/release")
    }

    /// Checks the build folder and lays out the module folders and the runner source under `work`.
    public init(root: URL, buildFolder: URL, work: URL) throws {
        self.root = root
        self.buildFolder = buildFolder
        studentModules = work.appendingPathComponent("student-modules")
        runnerModules = work.appendingPathComponent("runner-modules")
        runnerSource = work.appendingPathComponent("runner/main.swift")
        moduleCache = work.appendingPathComponent("module-cache")
        let fm = FileManager.default
        for required in [library, fixtures, stubs] + cModuleMaps where !fm.fileExists(atPath: required.path) {
            throw Failure.missing(required.path)
        }
        try Self.checkReadable(fixtures)
        try fm.createDirectory(at: moduleCache, withIntermediateDirectories: true)
        try Self.link(["TensorKit", "Contracts"], from: buildFolder, into: studentModules)
        try Self.link(["TensorKit", "Contracts", "Solutions", "Grader"], from: buildFolder, into: runnerModules)
        try fm.createDirectory(at: runnerSource.deletingLastPathComponent(), withIntermediateDirectories: true)
        try RunnerSource.text.write(to: runnerSource, atomically: true, encoding: .utf8)
        runnerObject = RunnerObject.build(self, into: runnerSource.deletingLastPathComponent())
    }

    /// Every fixture the checks read (`*.safetensors` at the top of the folder) opens and yields
    /// bytes: a check that cannot read one would blame the student.
    private static func checkReadable(_ fixtures: URL) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        for name in names where name.hasSuffix(".safetensors") {
            let path = fixtures.appendingPathComponent(name).path
            guard let handle = FileHandle(forReadingAtPath: path), (try? handle.read(upToCount: 8))?.count == 8 else {
                throw Failure.unreadable("\(path): \(String(cString: strerror(errno)))")
            }
            try? handle.close()
        }
    }

    private static func link(_ modules: [String], from build: URL, into folder: URL) throws {
        let fm = FileManager.default
        try? fm.removeItem(at: folder)
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        for module in modules {
            let source = build.appendingPathComponent("Modules/\(module).swiftmodule")
            guard fm.fileExists(atPath: source.path) else { throw Failure.missing(source.path) }
            try fm.createSymbolicLink(at: folder.appendingPathComponent("\(module).swiftmodule"), withDestinationURL: source)
        }
    }
}
