import Contracts
import Foundation

/// A student's code ready to compile: the Swift files copied into the student's work folder,
/// the stubs standing for files the submission lacks, and the content hash.
public struct PreparedSubmission: Sendable {
    /// Copies of the student's own files, paths relative to their exercises folder.
    public let files: [String]
    /// Catalog files the submission lacked, replaced by the pristine stub (graded as todo).
    public let missing: [String]
    public let notes: [String]
    public let contentHash: String
    /// The folder holding the copies and the stubs (what gets compiled).
    public let sourceFolder: URL

    public var isEmpty: Bool { files.isEmpty }

    /// An entry of the submissions folder that is neither a folder nor an archive.
    public struct Unsupported: Error, CustomStringConvertible {
        public let name: String
        public var description: String { "“\(name)” is neither a folder, a .zip nor a .tar.gz" }
    }

    /// Several entries of the submissions folder name one student (see `SubmissionEntry.Kind.clash`).
    public struct Clash: Error, CustomStringConvertible {
        public let student: String
        public let entries: [String]
        public var description: String {
            "\(entries.count) entries are named “\(student)”: " + entries.map { "“\($0)”" }.joined(separator: ", ")
                + "; none of them is graded. Keep one, or rename the others (one name is one student), and grade again"
        }
    }

    /// Unpacks or reads `entry`, picks its exercise files and copies them under `work`.
    public static func prepare(_ entry: SubmissionEntry, stubs: URL, work: URL,
                               limits: ArchiveExtractor.Limits = .init()) throws -> PreparedSubmission {
        let fm = FileManager.default
        try? fm.removeItem(at: work)
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        var notes: [String] = []
        var top = entry.url
        switch entry.kind {
        case .zip, .tarGz:
            top = work.appendingPathComponent("unpacked")
            try fm.createDirectory(at: top, withIntermediateDirectories: true)
            notes += try ArchiveExtractor(limits: limits).extract(entry.url, into: top)
        case .folder:
            break
        case .unsupported:
            throw Unsupported(name: entry.url.lastPathComponent)
        case .clash:
            throw Clash(student: entry.student, entries: entry.clashingEntries)
        }
        let found = try SourceCollector(limits: limits).collect(in: SourceCollector.exercisesRoot(in: top))
        notes += found.notes
        let sourceFolder = work.appendingPathComponent("src")
        var contents: [(relative: String, contents: Data)] = []
        for (relative, url) in found.files {
            let data = try Data(contentsOf: url)
            try write(data, to: sourceFolder.appendingPathComponent(relative))
            contents.append((relative, data))
        }
        let names = Set(found.files.map { ($0.relative as NSString).lastPathComponent })
        var missing: [String] = []
        for exercise in Catalog.exercises where !names.contains((exercise.file as NSString).lastPathComponent) {
            let stubPath = exercise.file.replacingOccurrences(of: "Sources/Exercises/", with: "")
            missing.append(stubPath)
            guard !found.files.isEmpty else { continue }
            try write(try Data(contentsOf: stubs.appendingPathComponent(stubPath)),
                      to: sourceFolder.appendingPathComponent("_stubs").appendingPathComponent(stubPath))
            notes.append("\(stubPath) is not in the submission: \(exercise.id) is graded as not started")
        }
        let hash = try ContentHash.of(contents, scratch: work.appendingPathComponent("normalised.bin"))
        return PreparedSubmission(files: found.files.map(\.relative).sorted(), missing: missing, notes: notes,
                                  contentHash: hash, sourceFolder: sourceFolder)
    }

    /// Every `.swift` file to compile (the student's and the stubs), absolute paths.
    public var compileInputs: [String] {
        let stubs = sourceFolder.appendingPathComponent("_stubs")
        return files.map { sourceFolder.appendingPathComponent($0).path }
            + (files.isEmpty ? [] : missing.map { stubs.appendingPathComponent($0).path })
    }

    private static func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }
}
