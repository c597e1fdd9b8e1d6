import Foundation

/// Runs the built `vlm-course` executable, which SwiftPM puts next to the test bundle.
///
/// `swift test` compiles the executable's module but does not relink the binary, so build it
/// first: `swift build --build-tests && swift test` (as CI does).
struct CourseBinary {
    /// Thrown when there is no binary to run.
    struct NotBuilt: Error, CustomStringConvertible {
        var path: String
        var description: String { "\(path) does not exist; run `swift build` before `swift test`" }
    }

    /// What one run produced.
    struct Result: Equatable {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The test's own `PATH`, where the Swift compiler is: for commands that build the learner's code.
    static var toolPath: String { ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin" }

    static var executable: URL {
        let besideBundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("vlm-course")
        if FileManager.default.isExecutableFile(atPath: besideBundle.path) { return besideBundle }
        return packageRoot.appendingPathComponent(".build/debug/vlm-course")
    }

    /// Thrown when a run outlives its deadline (the process is killed first).
    struct TimedOut: Error, CustomStringConvertible {
        var arguments: [String]
        var seconds: Double
        var description: String { "vlm-course \(arguments.joined(separator: " ")) ran longer than \(seconds) s" }
    }

    /// Runs `arguments` in `directory` with `environment` added to a clean one; stdin is `input`
    /// (empty means end of input at once). `program` defaults to `vlm-course`. Standard output and
    /// error go to files, so a program that writes much to either can never block on a full pipe;
    /// it is killed after `timeout` seconds.
    static func run(_ arguments: [String], in directory: URL = packageRoot,
                    environment: [String: String] = [:], input: String = "",
                    executable program: URL = executable, timeout: Double = 300) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else { throw NotBuilt(path: executable.path) }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("vlm-course-run-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let files = ["in", "out", "err"].map { scratch.appendingPathComponent($0) }
        try Data(input.utf8).write(to: files[0])
        for file in files.dropFirst() { FileManager.default.createFile(atPath: file.path, contents: nil) }
        let handles = try (FileHandle(forReadingFrom: files[0]), FileHandle(forWritingTo: files[1]),
                           FileHandle(forWritingTo: files[2]))
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin", "COLUMNS": "80"].merging(environment) { $1 }
        (process.standardInput, process.standardOutput, process.standardError) = handles
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
            throw TimedOut(arguments: arguments, seconds: timeout)
        }
        let read = { (url: URL) in String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self) }
        return Result(status: process.terminationStatus, standardOutput: read(files[1]), standardError: read(files[2]))
    }

    /// A fresh course folder: `Package.swift`, links to the real `Sources`, and `lessons/` holding
    /// `lessons` (file name → text), or a link to the real lessons when `lessons` is nil.
    static func makeCourse(lessons: [String: String]? = nil) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vlm-course-cli-" + UUID().uuidString)
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        try "// swift-tools-version:6.0\n".write(to: folder.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(at: folder.appendingPathComponent("Sources"),
                                       withDestinationURL: packageRoot.appendingPathComponent("Sources"))
        if let lessons {
            try manager.createDirectory(at: folder.appendingPathComponent("lessons"), withIntermediateDirectories: true)
            for (name, text) in lessons {
                try text.write(to: folder.appendingPathComponent("lessons/" + name), atomically: true, encoding: .utf8)
            }
        } else {
            try manager.createSymbolicLink(at: folder.appendingPathComponent("lessons"),
                                           withDestinationURL: packageRoot.appendingPathComponent("lessons"))
        }
        return folder
    }
}
