import Foundation

/// Runs a program in its own process group with a deadline, draining its output on plain threads.
///
/// - stdin is `/dev/null`; stdout and stderr are pipes read until EOF while the child runs (so a
///   chatty child never blocks), keeping at most `outputCap` bytes of each.
/// - On timeout the whole process group gets SIGKILL.
/// - Reading happens on `Thread`s, never in GCD work items: blocking GCD workers starves libdispatch.
public enum ChildProcess {
    public enum Termination: Equatable, Sendable {
        case exited(Int32)
        case signaled(Int32)
        case timedOut
    }

    public struct Outcome: Sendable {
        public let termination: Termination
        public let stdout: String
        public let stderr: String
        /// Bytes the child wrote beyond `outputCap` (dropped).
        public let droppedBytes: Int
    }

    public enum Failure: Error, CustomStringConvertible {
        case spawn(String, Int32)
        public var description: String {
            switch self {
            case .spawn(let path, let code): "cannot start \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    public static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                           timeout: TimeInterval, outputCap: Int = 16_384) throws -> Outcome {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw Failure.spawn(executable, errno) }
        // Close-on-exec, so no other child inherits these pipes (dup2 onto 1 and 2 clears it there).
        for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var spawned: pid_t = 0
        let code = posix_spawn(&spawned, executable, &actions, &attributes, argv, envp)
        close(outPipe[1])
        close(errPipe[1])
        guard code == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw Failure.spawn(executable, code)
        }

        let pid = spawned
        let stdout = PipeDrain(fd: outPipe[0], cap: outputCap), stderr = PipeDrain(fd: errPipe[0], cap: outputCap)
        let exited = DispatchSemaphore(value: 0)
        let status = StatusBox()
        Thread {
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
            status.value = raw
            exited.signal()
        }.start()
        var timedOut = false
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            exited.wait()
        }
        let out = stdout.finish(), err = stderr.finish()
        let raw = status.value
        let termination: Termination = timedOut ? .timedOut
            : (raw & 0x7f) == 0 ? .exited((raw >> 8) & 0xff) : .signaled(raw & 0x7f)
        return Outcome(termination: termination, stdout: out.text, stderr: err.text,
                       droppedBytes: out.dropped + err.dropped)
    }
}

private final class StatusBox: @unchecked Sendable {
    var value: Int32 = 0
}

/// Reads one pipe to EOF on its own thread, keeping the first `cap` bytes.
private final class PipeDrain: @unchecked Sendable {
    private var kept: [UInt8] = []
    private var dropped = 0
    private let done = DispatchSemaphore(value: 0)

    init(fd: Int32, cap: Int) {
        Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                let room = max(0, cap - kept.count)
                kept.append(contentsOf: buffer[0..<min(n, room)])
                dropped += max(0, n - room)
            }
            close(fd)
            done.signal()
        }.start()
    }

    /// Waits for EOF (the child and anything it started have closed the pipe).
    func finish() -> (text: String, dropped: Int) {
        done.wait()
        return (String(decoding: kept, as: UTF8.self), dropped)
    }
}
