#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file mapped read-only into memory (`mmap(PROT_READ, MAP_PRIVATE)`), unmapped in `deinit`.
///
/// Tensors read from a safetensors file borrow this memory (the map is the `owner` of their
/// `TensorStorage`), so the mapping lives exactly as long as the file object or the last such
/// tensor. The pages are read-only: writing through such a tensor copies first.
final class MappedFile: @unchecked Sendable {
    /// Start of the mapping (`nil` for an empty file, which cannot be mapped).
    let base: UnsafeRawPointer?
    let length: Int

    /// Maps `path`; throws `.cannotOpen` with the OS error when opening, `fstat` or `mmap` fails.
    init(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw SafeTensorsError.cannotOpen(file: path, reason: Self.lastError()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw SafeTensorsError.cannotOpen(file: path, reason: Self.lastError()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw SafeTensorsError.cannotOpen(file: path, reason: "not a regular file")
        }
        length = Int(info.st_size)
        if length == 0 {
            base = nil
            return
        }
        guard let p = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            throw SafeTensorsError.cannotOpen(file: path, reason: "mmap failed: \(Self.lastError())")
        }
        base = UnsafeRawPointer(p)
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), length) }
    }
}

extension MappedFile {
    /// Drops this process's copies of the whole pages inside `bytes` (`madvise(MADV_DONTNEED)`); for
    /// a read-only private file mapping the next read pages them back in from the file.
    func releasePages(_ bytes: UnsafeRawBufferPointer) {
        guard let base, let start = bytes.baseAddress, start >= base, start + bytes.count <= base + length else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (Int(bitPattern: start) + page - 1) / page * page
        let end = (Int(bitPattern: start) + bytes.count) / page * page
        guard end > first, let pointer = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(pointer, end - first, MADV_DONTNEED)
    }
}
