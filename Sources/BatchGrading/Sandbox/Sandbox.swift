import Foundation
import Grader

/// How a student's runner is started: inside bubblewrap with rlimits, or (`--no-sandbox`) bare.
///
/// Sandboxed, every piece runs as
/// `sh launcher.sh <cgroup|-> <tmp bytes> <bwrap options> -- prlimit <limits> -- <runner> <piece arguments>`:
/// - the launcher (see `SandboxLauncher`) enters the worker's pids cgroup when there is one,
///   then runs bwrap showing only the system (`systemRoots`: `/usr`, `/etc`, … and the folders of the
///   shared libraries a Swift program loads), a private size-capped `/tmp` and the piece's result file
///   — not the course checkout, its build folder, binaries or sources, nor anything else on the disk;
/// - bwrap: no network, own pid/ipc/uts namespaces, `--die-with-parent`, `--new-session`, a
///   cleared environment, the submissions and the output folder hidden; the runner's own folder
///   and the `readable` folders (the course's fixtures) are bound back read-only, so they stay
///   visible even where they lie under the private `/tmp`;
/// - prlimit: CPU seconds (timeout + 1), address space, processes, file size, open files, no core.
public struct Sandbox: Sendable {
    public struct Limits: Sendable {
        public var addressSpaceBytes = 4 << 30
        public var processes = 64
        public var fileSizeBytes = 16 << 20
        public var openFiles = 256
        public var tmpBytes = 64 << 20
        public init() {}
    }

    /// `nil` runs the runner directly (`--no-sandbox`).
    let launcher: URL?
    let hidden: [URL]
    let readable: [URL]
    let limits: Limits
    let cgroups: PidsCgroups?

    /// A sandbox that hides `hidden` (the submissions and output folders) from student code and
    /// shows `readable` (the fixtures the checks read their inputs from) read-only.
    public init(launcherFolder: URL, hidden: [URL], readable: [URL] = [], limits: Limits = Limits(),
                cgroups: PidsCgroups?) throws {
        launcher = try SandboxLauncher.write(into: launcherFolder)
        self.hidden = hidden
        self.readable = readable
        self.limits = limits
        self.cgroups = cgroups
    }

    private init() {
        launcher = nil
        hidden = []
        readable = []
        limits = Limits()
        cgroups = nil
    }

    public static let disabled = Sandbox()
    public var isEnabled: Bool { launcher != nil }

    /// The command `PieceRunner` starts for `runner` (it appends the piece's arguments).
    public func command(runner: URL, timeout: Int, worker: Int) -> [String] {
        guard let launcher else { return [runner.path] }
        var bwrap = ["--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--die-with-parent",
                     "--new-session", "--dev", "/dev", "--proc", "/proc",
                     "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", "/tmp", "--setenv", "LANG", "C.UTF-8",
                     "--setenv", "OPENBLAS_NUM_THREADS", "1", "--setenv", "VLM_THREADS", "1",
                     "--setenv", "SWIFT_BACKTRACE", "enable=no"]
        for folder in hidden { bwrap += ["--tmpfs", folder.path] }
        for folder in [runner.deletingLastPathComponent()] + readable {
            bwrap += ["--ro-bind", folder.path, folder.path]
        }
        let prlimit = ["/usr/bin/prlimit", "--cpu=\(timeout + 1)", "--as=\(limits.addressSpaceBytes)",
                       "--nproc=\(limits.processes)", "--fsize=\(limits.fileSizeBytes)",
                       "--nofile=\(limits.openFiles)", "--core=0", "--"]
        let cgroup = cgroups?.folder(worker: worker)?.path ?? "-"
        let roots = Self.systemRoots.joined(separator: ":")
        return ["/bin/sh", launcher.path, cgroup, "\(limits.tmpBytes)", roots] + bwrap + ["--"] + prlimit + [runner.path]
    }

    /// The sandbox of the compiler steps: this one's launcher, hidden folders and cgroups, with
    /// `readable` (the course's modules) bound back read-only.
    public func compiling(readable: [URL], limits: CompileLimits) -> CompileSandbox {
        CompileSandbox(launcher: launcher, hidden: hidden, readable: readable, limits: limits, cgroups: cgroups,
                       path: ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    }

    /// Runs `true` in this sandbox once; the error says why the sandbox cannot start.
    public func probe(scratch: URL) throws {
        guard isEnabled else { return }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let channel = scratch.appendingPathComponent("probe-channel")
        try Data().write(to: channel)
        let command = self.command(runner: URL(fileURLWithPath: "/bin/true"), timeout: 5, worker: 0)
        let environment = [CheckChild.resultFileVariable: channel.path, CheckChild.nonceVariable: "00"]
        let outcome = try ChildProcess.run(command[0], Array(command.dropFirst()), environment: environment, timeout: 20)
        guard outcome.termination == .exited(0) else {
            throw CheckFailure("the sandbox (bubblewrap) cannot start here: "
                + (outcome.stderr.split(separator: "\n").last.map(String.init) ?? "\(outcome.termination)")
                + ". Install bubblewrap (scripts/setup) or pass --no-sandbox to grade without one")
        }
    }
}
