import Foundation

/// A zip that tries to escape: the solutions plus `../escaped.swift`, an absolute path and a
/// symlink to `/etc/passwd`, written with Python's `zipfile` (which stores such names as given).
enum EvilZip {
    static let escapeName = "vlm-batch-escaped-\(getpid()).swift"

    static func write(_ url: URL, solutions: URL) throws {
        let script = """
            import os, stat, sys, zipfile
            out, root, escape = sys.argv[1], sys.argv[2], sys.argv[3]
            with zipfile.ZipFile(out, "w") as z:
                for folder, _, files in os.walk(root):
                    for name in files:
                        if name.endswith(".swift"):
                            path = os.path.join(folder, name)
                            z.write(path, os.path.relpath(path, root))
                z.writestr("../" + escape, "// escaped\\n")
                z.writestr("/tmp/" + escape, "// absolute\\n")
                link = zipfile.ZipInfo("Part1/Link.swift")
                link.external_attr = (stat.S_IFLNK | 0o777) << 16
                z.writestr(link, "/etc/passwd")
            """
        try Corpus.run("/usr/bin/env", ["python3", "-c", script, url.path, solutions.path, escapeName])
    }
}
