import Foundation

/// Limits of each compiler process of a submission (the Swift driver, the frontend, the linker),
/// as strict as the run's: the compiler runs no student code, but source code alone can make it
/// eat the machine (a 400,000-element array literal needs 3.8 GB and 66 s).
public struct CompileLimits: Sendable, Equatable {
    /// Address space of each process (`--compile-memory`): the frontend then fails its own
    /// allocation ("LLVM ERROR: out of memory") instead of pushing the machine into swap.
    public var memoryBytes = 3 << 30
    /// CPU seconds of each process; SIGXCPU when they run out.
    public var cpuSeconds = 120
    /// Wall-clock seconds of each compiler step; then the whole process group is killed.
    public var wallSeconds = 120
    /// The largest file a compiler process may write; SIGXFSZ beyond it.
    public var fileSizeBytes = 256 << 20
    /// Processes (RLIMIT_NPROC, and the worker's pids cgroup where there is one).
    public var processes = 64
    /// Size of the private `/tmp`.
    public var tmpBytes = 64 << 20
    public init() {}
}

/// How a compiler step is started: inside the same kind of bubblewrap sandbox as the pieces (see
/// `Sandbox`: no network, read-only `/`, a private `/tmp`, own pid/ipc/uts namespaces, the
/// submissions and output folders hidden) with `prlimit` setting `CompileLimits`. The course's
/// prebuilt modules and the module cache are bound back read-only, the student's sources read-only,
/// and only the student's scratch folders (module, bin, tmp) writable. Without a sandbox
/// (`--no-sandbox`) every limit but the number of processes still applies.
public struct CompileSandbox: Sendable {
    let launcher: URL?
    let hidden: [URL]
    /// Course folders the compiler reads (build folder, module maps, module folders, module cache).
    let readable: [URL]
    let limits: CompileLimits
    let cgroups: PidsCgroups?
    /// `PATH` for the compiler (the grader's, so the same toolchain is found).
    let path: String

    /// The environment of a compiler step: `TMPDIR` in the student's scratch, no Swift backtracer
    /// (a crashing frontend then stops at once), `HOME` the private `/tmp`.
    func environment(temporary: URL) -> [String: String] {
        ["PATH": path, "HOME": "/tmp", "TMPDIR": temporary.path, "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no"]
    }

    /// The command running `program arguments` under the limits, in the sandbox when there is one,
    /// with `sources` read-only and `scratch` (which holds `temporary`, the `TMPDIR`) writable.
    func command(_ program: String, _ arguments: [String], sources: URL, scratch: [URL], temporary: URL,
                 worker: Int) -> [String] {
        let prlimit = ["/usr/bin/prlimit", "--as=\(limits.memoryBytes)", "--cpu=\(limits.cpuSeconds):\(limits.cpuSeconds + 5)",
                       "--fsize=\(limits.fileSizeBytes)", "--core=0"]
        // RLIMIT_NPROC counts every process of the user outside a user namespace: only in the sandbox.
        guard let launcher else { return prlimit + ["--", program] + arguments }
        var bwrap = ["--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--die-with-parent",
                     "--new-session", "--dev", "/dev", "--proc", "/proc"]
        for (name, value) in environment(temporary: temporary).sorted(by: { $0.key < $1.key }) {
            bwrap += ["--setenv", name, value]
        }
        for folder in hidden { bwrap += ["--tmpfs", folder.path] }
        for folder in readable + [sources] { bwrap += ["--ro-bind", folder.path, folder.path] }
        for folder in scratch { bwrap += ["--bind", folder.path, folder.path] }
        let cgroup = cgroups?.folder(worker: worker)?.path ?? "-"
        return ["/bin/sh", launcher.path, cgroup, "\(limits.tmpBytes)", "/"] + bwrap + ["--"] + prlimit
            + ["--nproc=\(limits.processes)", "--", program] + arguments
    }
}
