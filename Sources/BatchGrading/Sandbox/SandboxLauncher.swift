import Foundation
import Grader

/// The small shell script between the grader and bubblewrap, written once per batch.
///
/// It exists because two things are known only when a piece starts: the result channel's file
/// (the only host file bound writable, into the private `/tmp`) and the channel's variables
/// (passed through the cleared environment). It also turns bwrap's `128+N` exit back into
/// signal N. Arguments: `<pids cgroup folder or -> <tmp bytes> <bwrap options> -- <command>`.
enum SandboxLauncher {
    static func write(into folder: URL) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("sandbox-launcher.sh")
        try script.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static let script = """
        #!/bin/sh
        # Written by `vlm-course grade`: starts one piece of one student's runner in bubblewrap.
        # bwrap reports a child killed by signal N as exit status 128+N; this script re-raises
        # the signal on itself so the grader reports the crash exactly as `vlm-course check` does.
        cgroup=$1; tmp_bytes=$2; shift 2
        if [ "$cgroup" != - ]; then echo $$ > "$cgroup/cgroup.procs" || exit 125; fi
        channel=$\(CheckChild.resultFileVariable)
        /usr/bin/bwrap --ro-bind / / --size "$tmp_bytes" --tmpfs /tmp --bind "$channel" "$channel" \\
            --clearenv --setenv \(CheckChild.resultFileVariable) "$\(CheckChild.resultFileVariable)" \\
            --setenv \(CheckChild.nonceVariable) "$\(CheckChild.nonceVariable)" "$@"
        status=$?
        if [ "$status" -gt 128 ] && [ "$status" -lt 160 ]; then
            ulimit -c 0
            kill -$((status - 128)) $$
        fi
        exit "$status"

        """
}
