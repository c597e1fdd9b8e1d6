import Foundation

/// One `grade` run per output folder: an exclusive `flock` on `OUT/.grade.lock`, held for the
/// whole run.
///
/// - The lock file is the run's own, not the folder `SetupLock` locks while the gradebook is set
///   up (this process takes that one too), so nothing that only reads the gradebook ever waits.
/// - The holder writes `pid <pid> on <host>, started <time>` into the file, and a second run
///   names it when it refuses (or, with `--wait`, while it waits).
/// - The kernel drops a `flock` when its holder exits, however it exits, so the lock of a killed
///   run is never stuck: the next run takes it and finds the killed holder's line still there (a
///   run that ends normally empties the file), which it reports as a takeover.
/// - The descriptor is close-on-exec: no compiler or student process inherits the lock.
public struct RunLock: Sendable {
    /// Another run holds the lock (exit status 2).
    public struct Held: Error, CustomStringConvertible {
        public let description: String
    }

    public static let fileName = ".grade.lock"
    private let fd: Int32
    /// The line of a previous holder that ended without releasing the lock (it was killed).
    public let tookOverFrom: String?

    /// Takes the lock of `out`; if another run holds it, throws `Held` at once or, when `wait`,
    /// calls `waiting` with the holder's line and blocks until it is free.
    public init(out: URL, wait: Bool, waiting: (String) -> Void = { _ in }) throws {
        let path = out.appendingPathComponent(Self.fileName).path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Held(description: "cannot open \(path) to lock the output folder: \(Self.lastError)") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let failure = errno
            var holder = Self.contents(fd)
            // A holder that has just taken the lock writes its line a moment later.
            for _ in 0..<20 where holder.isEmpty {
                usleep(10_000)
                holder = Self.contents(fd)
            }
            let named = holder.isEmpty ? "it is starting" : holder
            guard failure == EWOULDBLOCK, wait else {
                let cause = failure == EWOULDBLOCK
                    ? "another `vlm-course grade` is running on \(out.path) (\(named)); wait for it, or pass --wait"
                    : "cannot lock \(path): \(String(cString: strerror(failure)))"
                close(fd)
                throw Held(description: cause)
            }
            waiting(named)
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let cause = Self.lastError
                    close(fd)
                    throw Held(description: "cannot lock \(path): \(cause)")
                }
            }
        }
        let previous = Self.contents(fd)
        tookOverFrom = previous.isEmpty ? nil : previous
        let line = "pid \(getpid()) on \(ProcessInfo.processInfo.hostName), started \(Self.now())"
        _ = ftruncate(fd, 0)
        _ = line.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    /// Empties the file (a clean end) and releases the lock.
    public func release() {
        _ = ftruncate(fd, 0)
        close(fd)
    }

    private static func contents(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 512)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        return String(decoding: buffer.prefix(max(0, n)), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        return formatter.string(from: Date())
    }

    private static var lastError: String { String(cString: strerror(errno)) }
}
