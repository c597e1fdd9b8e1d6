import Foundation

/// One entry of the submissions folder: one student, named by the entry (minus its extension).
public struct SubmissionEntry: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case folder, zip, tarGz = "tar.gz"
        /// Anything else (a loose file of another type); graded as rejected, with a note.
        case unsupported
    }

    public let student: String
    public let url: URL
    public let kind: Kind

    public init(student: String, url: URL, kind: Kind) {
        self.student = student
        self.url = url
        self.kind = kind
    }

    /// The entries of `folder` in name order; hidden files are ignored.
    public static func scan(_ folder: URL) throws -> [SubmissionEntry] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return names.filter { !$0.hasPrefix(".") }.sorted().map { name in
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            let lower = name.lowercased()
            if exists && isDirectory.boolValue { return SubmissionEntry(student: name, url: url, kind: .folder) }
            if lower.hasSuffix(".zip") { return SubmissionEntry(student: String(name.dropLast(4)), url: url, kind: .zip) }
            for suffix in [".tar.gz", ".tgz"] where lower.hasSuffix(suffix) {
                return SubmissionEntry(student: String(name.dropLast(suffix.count)), url: url, kind: .tarGz)
            }
            return SubmissionEntry(student: name, url: url, kind: .unsupported)
        }
    }
}
