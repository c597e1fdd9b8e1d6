import Foundation

/// Runs the built `vlm-course` from the course root and collects its exit status and stderr.
enum CommandRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// A `vlm-course` started in the background. Its stdout and stderr go to one file (a file never
    /// blocks the child, even when nobody reads it before the end), so a run that stops early can
    /// say why.
    final class Started {
        let process: Process
        let log: URL

        fileprivate init(process: Process, log: URL) {
            self.process = process
            self.log = log
        }

        deinit { try? FileManager.default.removeItem(at: log) }

        /// How the process ended and everything it printed; call once it has ended.
        var ending: String {
            let how = process.terminationReason == .uncaughtSignal
                ? "was killed by signal \(process.terminationStatus)" : "exited with status \(process.terminationStatus)"
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? "(its output file could not be read)"
            return "vlm-course \(process.arguments?.first ?? "") \(how); its output:\n"
                + (output.isEmpty ? "(nothing)" : output)
        }
    }

    static func start(_ arguments: [String]) throws -> Started {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("vlm-batch-output-\(UUID().uuidString)")
        try Data().write(to: log)
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = CoursePaths.binary
        process.arguments = arguments
        process.currentDirectoryURL = CoursePaths.root
        process.standardOutput = output
        process.standardError = output
        do {
            try process.run()
        } catch {
            try? FileManager.default.removeItem(at: log)
            throw error
        }
        return Started(process: process, log: log)
    }

    /// Runs to the end; stdout and stderr go through files, so a long output never blocks the child.
    static func run(_ arguments: [String]) throws -> Result {
        let logs = ["stdout", "stderr"].map {
            FileManager.default.temporaryDirectory.appendingPathComponent("vlm-batch-\($0)-\(UUID().uuidString)")
        }
        for log in logs { try Data().write(to: log) }
        defer { for log in logs { try? FileManager.default.removeItem(at: log) } }
        let process = Process()
        process.executableURL = CoursePaths.binary
        process.arguments = arguments
        process.currentDirectoryURL = CoursePaths.root
        process.standardOutput = try FileHandle(forWritingTo: logs[0])
        process.standardError = try FileHandle(forWritingTo: logs[1])
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: try String(contentsOf: logs[0], encoding: .utf8),
                      stderr: try String(contentsOf: logs[1], encoding: .utf8))
    }
}
