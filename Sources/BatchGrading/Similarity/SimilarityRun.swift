import Contracts
import Foundation

/// Builds the similarity report of a batch from the submissions folder itself (every entry is read
/// again, so students kept unchanged by a rerun are compared too) and writes `OUT/similarity.csv`.
///
/// Read like grading reads: archives unpacked with the same limits, the same layouts found, no
/// symlink followed. Entries that cannot be read (a stray file, a broken archive, two entries with
/// one name) take no part. The reference and the stubs come from the course checkout. Only the first
/// `maxPieceBytes` of a piece's code are compared (the references' pieces are under 2 KB), which
/// bounds the time and memory one huge submission can take.
public enum SimilarityRun {
    static let maxPieceBytes = 256 << 10

    public static func write(entries: [SubmissionEntry], courseRoot: URL, out: URL, scratch: URL,
                             settings: SimilarityReport.Settings = .init()) throws -> SimilarityReport {
        // Each student's pieces only (at most maxPieceBytes each), not their whole files.
        var students: [(name: String, pieces: [String?])] = []
        for (index, entry) in entries.enumerated() {
            let folder = scratch.appendingPathComponent("\(index)")
            defer { try? FileManager.default.removeItem(at: folder) }
            guard let files = sources(of: entry, scratch: folder) else { continue }
            students.append((entry.student, Catalog.exercises.map { exercise in
                PieceCode.find(exercise.id, catalogFile: exercise.file, in: files)
                    .map { String(decoding: $0.utf8.prefix(maxPieceBytes), as: UTF8.self) }
            }))
        }
        let pieces = try Catalog.exercises.enumerated().map { index, exercise in
            let relative = exercise.file.replacingOccurrences(of: "Sources/Exercises/", with: "")
            let read = { (folder: String) in
                let url = courseRoot.appendingPathComponent("\(folder)/\(relative)")
                do { return try String(contentsOf: url, encoding: .utf8) } catch {
                    throw SimilarityReport.Unreadable(description: "cannot read \(url.path) for the similarity report: "
                        + error.localizedDescription)
                }
            }
            let (reference, stub) = (try read("Sources/Solutions"), try read("Stubs"))
            return SimilarityReport.Piece(id: exercise.id, reference: PieceCode.anchored(exercise.id, in: reference) ?? reference,
                                          stub: PieceCode.anchored(exercise.id, in: stub) ?? stub,
                                          students: students.map { ($0.name, $0.pieces[index]) })
        }
        let report = SimilarityReport(pieces, settings: settings)
        try Data(report.csv().utf8).write(to: out.appendingPathComponent("similarity.csv"), options: .atomic)
        return report
    }

    /// The entry's Swift files (path → text), or nil when it cannot be read.
    static func sources(of entry: SubmissionEntry, scratch: URL) -> [String: String]? {
        var top = entry.url
        switch entry.kind {
        case .folder:
            break
        case .zip, .tarGz:
            top = scratch.appendingPathComponent("unpacked")
            guard (try? FileManager.default.createDirectory(at: top, withIntermediateDirectories: true)) != nil,
                  (try? ArchiveExtractor().extract(entry.url, into: top)) != nil else { return nil }
        case .unsupported, .clash:
            return nil
        }
        let limits = ArchiveExtractor.Limits()
        guard let found = try? SourceCollector(limits: limits).collect(in: SourceCollector.exercisesRoot(in: top)) else {
            return nil
        }
        var files: [String: String] = [:]
        for (relative, url) in found.files {
            files[relative] = (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
        }
        return files
    }
}
