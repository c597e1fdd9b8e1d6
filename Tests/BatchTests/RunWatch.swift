import BatchGrading
import Foundation

/// Following a `vlm-course grade` started in the background.
enum RunWatch {
    /// Polls every 10 ms until `condition` holds (true) or the process has ended (false).
    static func until(_ started: CommandRunner.Started, _ condition: () -> Bool) -> Bool {
        while started.process.isRunning {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }

    /// Students saved so far in the gradebook at `url` (0 while it does not exist or cannot be read).
    static func saved(_ url: URL) -> Int {
        guard FileManager.default.fileExists(atPath: url.path) else { return 0 }
        return (try? Gradebook(url: url).all().count) ?? 0
    }

    /// Everything the process printed; call once it has ended.
    static func output(_ started: CommandRunner.Started) -> String {
        (try? String(contentsOf: started.log, encoding: .utf8)) ?? ""
    }

    /// Waits for the process and returns its exit status.
    static func finish(_ started: CommandRunner.Started) -> Int32 {
        started.process.waitUntilExit()
        return started.process.terminationStatus
    }
}
