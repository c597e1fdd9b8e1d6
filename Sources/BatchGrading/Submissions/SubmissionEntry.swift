import Foundation

/// One entry of the submissions folder: one student, named by the entry (minus its extension).
public struct SubmissionEntry: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case folder, zip, tarGz = "tar.gz"
        /// Anything else (a loose file of another type); graded as rejected, with a note.
        case unsupported
        /// Several entries name the same student (`ana.zip` and `ana.tar.gz`, or `ana/` and `ana.zip`):
        /// none of them is graded; the student is recorded as rejected with every entry named.
        case clash
    }

    public let student: String
    public let url: URL
    public let kind: Kind
    /// For `.clash`: the names of all the entries that claim the student, in name order.
    public let clashingEntries: [String]

    public init(student: String, url: URL, kind: Kind, clashingEntries: [String] = []) {
        self.student = student
        self.url = url
        self.kind = kind
        self.clashingEntries = clashingEntries
    }

    /// One entry per student, in the order of the folder's sorted names; hidden files are ignored.
    /// Entries that name the same student become one `.clash` entry, so every entry of the folder is
    /// accounted for exactly once.
    public static func scan(_ folder: URL) throws -> [SubmissionEntry] {
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !$0.hasPrefix(".") }.sorted().map { entry(named: $0, in: folder) }
        let claims = Dictionary(grouping: entries, by: \.student)
        var seen = Set<String>()
        return entries.filter { seen.insert($0.student).inserted }.map { first in
            let names = (claims[first.student] ?? []).map(\.url.lastPathComponent)
            guard names.count > 1 else { return first }
            return SubmissionEntry(student: first.student, url: first.url, kind: .clash, clashingEntries: names)
        }
    }

    private static func entry(named name: String, in folder: URL) -> SubmissionEntry {
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
