import Foundation

/// Writes a file so that readers see either the old contents or the whole new contents, never a
/// part: the bytes go to `.<name>.tmp-<pid>` in the same folder, are flushed to the disk
/// (`fsync`), and the temporary file is renamed over the target (atomic within one file system).
///
/// When anything fails (a full disk, an interrupted write), the temporary file is removed and the
/// target is left as it was.
enum AtomicFile {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func write(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("cannot create", temporary) }
        var written = 0
        let complete = data.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                written += n
            }
            return true
        }
        let flushed = complete && fsync(fd) == 0
        let error = errno
        close(fd)
        guard flushed, rename(temporary.path, url.path) == 0 else {
            let cause = flushed ? errno : error
            unlink(temporary.path)
            throw Failure(description: "cannot write \(url.path): \(String(cString: strerror(cause)))")
        }
    }

    private static func failure(_ what: String, _ url: URL) -> Failure {
        Failure(description: "\(what) \(url.path): \(String(cString: strerror(errno)))")
    }
}
