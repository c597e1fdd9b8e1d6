import Foundation

/// Runs the built `vlm-course` from the course root and collects its exit status and stderr.
enum CommandRunner {
    struct Result {
        let status: Int32
        let stderr: String
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CoursePaths.binary
        process.arguments = arguments
        process.currentDirectoryURL = CoursePaths.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs to the end; stderr goes through a file, so a long output never blocks the child.
    static func run(_ arguments: [String]) throws -> Result {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("vlm-batch-stderr-\(UUID().uuidString)")
        try Data().write(to: log)
        defer { try? FileManager.default.removeItem(at: log) }
        let process = Process()
        process.executableURL = CoursePaths.binary
        process.arguments = arguments
        process.currentDirectoryURL = CoursePaths.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stderr: try String(contentsOf: log, encoding: .utf8))
    }
}
