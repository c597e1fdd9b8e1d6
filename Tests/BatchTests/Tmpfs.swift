import Foundation

/// A small tmpfs mounted for one test (root only): a disk that fills up for real.
final class Tmpfs {
    let folder: URL

    /// True when this process may mount one (it is root and `mount` works here).
    static let available: Bool = {
        guard getuid() == 0, let probe = try? Tmpfs(megabytes: 1, name: "probe") else { return false }
        probe.unmount()
        return true
    }()

    init(megabytes: Int, name: String) throws {
        folder = try CoursePaths.scratch("tmpfs-\(name)")
        try Corpus.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", folder.path])
    }

    func unmount() {
        try? Corpus.run("/bin/umount", [folder.path])
        try? FileManager.default.removeItem(at: folder)
    }

    /// Fills the disk until a write fails; returns the file holding the space.
    @discardableResult
    func fill() -> URL {
        let filler = folder.appendingPathComponent("filler")
        let fd = open(filler.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let block = [UInt8](repeating: 0, count: 1 << 20)
        while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        var byte: UInt8 = 0
        while write(fd, &byte, 1) == 1 {}
        close(fd)
        return filler
    }
}
