import Foundation
import Grader

/// The small shell script between the grader and bubblewrap, written once per batch; it starts
/// both the compiler (see `CompileSandbox`) and the pieces (see `Sandbox`).
///
/// It exists because some things are known only when a process starts: for a piece, the result
/// channel's file (the only host file it gets writable, bound into the private `/tmp`) and the
/// channel's variables (passed through the cleared environment). It also turns bwrap's `128+N`
/// exit back into signal N. Arguments: `<pids cgroup folder or -> <tmp bytes> <roots> <bwrap options>
/// -- <command>`, where `roots` is the colon-separated list of folders bound read-only as the system
/// the command sees (`/` for the compiler; for a piece only the system and library folders, see
/// `Sandbox.systemRoots`). When it cannot join the cgroup it says so on stderr, after `failurePrefix`.
enum SandboxLauncher {
    static let failurePrefix = "vlm-course sandbox: "

    static func write(into folder: URL) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("sandbox-launcher.sh")
        try script.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static let script = """
        #!/bin/sh
        # Written by `vlm-course grade`: starts a compiler, or one piece of one student's runner, in bubblewrap.
        # bwrap reports a child killed by signal N as exit status 128+N; this script re-raises
        # the signal on itself so the grader reports the crash exactly as `vlm-course check` does.
        cgroup=$1; tmp_bytes=$2; roots=$3; shift 3
        if [ "$cgroup" != - ] && ! echo $$ > "$cgroup/cgroup.procs"; then
            echo "\(failurePrefix)cannot join the pids cgroup $cgroup" >&2
            exit 125
        fi
        channel=${\(CheckChild.resultFileVariable):-}
        if [ -n "$channel" ]; then
            set -- --bind "$channel" "$channel" --setenv \(CheckChild.resultFileVariable) "$channel" \\
                --setenv \(CheckChild.nonceVariable) "$\(CheckChild.nonceVariable)" "$@"
        fi
        # Folders first, then the private /tmp over them, then the rest (the channel lives in /tmp).
        set -- --size "$tmp_bytes" --tmpfs /tmp --clearenv "$@"
        old_ifs=$IFS; IFS=:
        for root in $roots; do set -- --ro-bind "$root" "$root" "$@"; done
        IFS=$old_ifs
        /usr/bin/bwrap "$@"
        status=$?
        if [ "$status" -gt 128 ] && [ "$status" -lt 160 ]; then
            ulimit -c 0
            kill -$((status - 128)) $$
        fi
        exit "$status"

        """
}
