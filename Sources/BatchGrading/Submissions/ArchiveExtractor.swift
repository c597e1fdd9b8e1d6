import CArchive
import Foundation

/// Unpacks a student's `.zip` or `.tar.gz` with libarchive, refusing anything that could reach
/// outside the destination or fill the disk.
///
/// - Entry paths are checked before anything is written: absolute paths, `..` components and
///   empty names are skipped, with a note.
/// - Only regular files and folders are created. Symlinks, hard links, devices and FIFOs are
///   skipped, so nothing later written can be redirected through a link.
/// - Files are created with `O_EXCL | O_NOFOLLOW`; the byte and file counts are enforced while
///   reading (an entry's declared size is not trusted).
public struct ArchiveExtractor: Sendable {
    public struct Limits: Sendable {
        public var maxFiles = 2_000
        public var maxTotalBytes = 32 << 20
        public init() {}
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// The archive itself is damaged or of another format (the student's upload).
        case unreadable(String)
        case tooLarge(String)
        /// Unpacking could not write into the work folder (the grader's disk).
        case cannotWrite(String)
        public var description: String {
            switch self {
            case .unreadable(let why): "the archive cannot be read: \(why)"
            case .tooLarge(let why): "the archive is too large: \(why)"
            case .cannotWrite(let why): "the archive could not be unpacked into the work folder: \(why)"
            }
        }
    }

    public let limits: Limits

    public init(limits: Limits = Limits()) { self.limits = limits }

    /// Extracts `archive` into the existing empty folder `destination`; returns notes about
    /// skipped entries.
    public func extract(_ archive: URL, into destination: URL) throws -> [String] {
        guard let reader = archive_read_new() else { throw Failure.unreadable("libarchive is out of memory") }
        defer { archive_read_free(reader) }
        archive_read_support_filter_all(reader)
        archive_read_support_format_zip(reader)
        archive_read_support_format_tar(reader)
        archive_read_support_format_gnutar(reader)
        guard archive_read_open_filename(reader, archive.path, 65_536) == ARCHIVE_OK else {
            throw Failure.unreadable(Self.message(reader))
        }
        var notes: [String] = []
        var files = 0, bytes = 0
        var entry: OpaquePointer?
        while true {
            let status = archive_read_next_header(reader, &entry)
            if status == ARCHIVE_EOF { break }
            guard status >= ARCHIVE_WARN, let entry else { throw Failure.unreadable(Self.message(reader)) }
            let name = archive_entry_pathname(entry).map { String(cString: $0) } ?? ""
            guard let relative = SafePath.relative(name) else {
                notes.append("skipped \(name.isEmpty ? "an unnamed entry" : "“\(name)”"): the path leaves the submission")
                continue
            }
            switch archive_entry_filetype(entry) & 0o170000 {
            case 0o040000:
                try FileManager.default.createDirectory(at: destination.appendingPathComponent(relative),
                                                        withIntermediateDirectories: true)
            case 0o100000:
                files += 1
                guard files <= limits.maxFiles else { throw Failure.tooLarge("more than \(limits.maxFiles) files") }
                bytes += try write(reader, to: destination.appendingPathComponent(relative),
                                   budget: limits.maxTotalBytes - bytes)
            default:
                notes.append("skipped “\(name)”: only regular files are unpacked (links and devices are not)")
            }
        }
        return notes
    }

    /// Streams the current entry's data into a new file; returns the bytes written.
    private func write(_ reader: OpaquePointer, to url: URL, budget: Int) throws -> Int {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno, cause = "cannot create \(url.lastPathComponent): \(String(cString: strerror(errno)))"
            // EEXIST: the archive names this file twice (or as a folder too), which is the upload's fault.
            throw code == EEXIST || code == EISDIR ? Failure.unreadable(cause) : Failure.cannotWrite(cause)
        }
        defer { close(fd) }
        var written = 0
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { archive_read_data(reader, $0.baseAddress, $0.count) }
            if n == 0 { return written }
            guard n > 0 else { throw Failure.unreadable(Self.message(reader)) }
            written += n
            guard written <= budget else { throw Failure.tooLarge("more than \(limits.maxTotalBytes) bytes unpacked") }
            let ok = buffer.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, n) == n }
            guard ok else { throw Failure.cannotWrite("cannot write \(url.lastPathComponent): \(String(cString: strerror(errno)))") }
        }
    }

    private static func message(_ reader: OpaquePointer) -> String {
        archive_error_string(reader).map { String(cString: $0) } ?? "unknown format or damaged file"
    }
}
