@testable import BatchGrading
import Contracts
import Foundation
import Testing

/// The similarity report on hand-written solutions: three learners (ines, omar, yuki) who solved
/// every piece their own way (the class corpus grades them, so they are known to be correct), and
/// `renamed-copy`, the reference with its names, comments and layout changed.
@Suite("Similarity report")
struct SimilarityTests {
    static let corpus = CoursePaths.root.appendingPathComponent("Tests/BatchTests/SimilarityCorpus")
    static let independent = ["ines", "omar", "yuki"]
    static let longerPieces = ["scaled-dot-product-attention", "patch-embedding", "vit-attention", "vlm-attention",
                               "vision-projection"]

    /// The report `grade` would write for these four learners (the same reading and settings).
    static let report: Result<SimilarityReport, any Error> = Result {
        let entries = (independent + ["renamed-copy"]).map {
            SubmissionEntry(student: $0, url: corpus.appendingPathComponent($0), kind: .folder)
        }
        let out = try CoursePaths.scratch("similarity-report")
        return try SimilarityRun.write(entries: entries, courseRoot: CoursePaths.root, out: out,
                                       scratch: out.appendingPathComponent("scratch"))
    }

    static func score(_ piece: String, _ a: String, _ b: String) throws -> Double? {
        let rows = try report.get().rows.filter { $0.piece == piece }
        let row = rows.first { ($0.first, $0.second) == (a, b) || ($0.first, $0.second) == (b, a) }
        return try #require(row, "no row for \(piece) \(a) / \(b)").score
    }

    @Test("a renamed, re-commented copy of the reference scores high on every piece long enough to judge",
          arguments: longerPieces + ["vlm-mask"])
    func renamedCopy(piece: String) throws {
        let score = try #require(try Self.score(piece, "renamed-copy", "reference"))
        #expect(score >= 0.95)
        #expect(score >= SimilarityReport.defaultThreshold)
    }

    @Test("independently written correct solutions score low, against each other and the reference",
          arguments: longerPieces + ["vlm-mask"])
    func independentSolutions(piece: String) throws {
        for (i, a) in Self.independent.enumerated() {
            for b in Self.independent[(i + 1)...] + ["reference", "renamed-copy"] {
                let score = try #require(try Self.score(piece, a, b), "\(piece): \(a) / \(b) was not scored")
                #expect(score < 0.45, "\(piece): \(a) / \(b) scores \(score)")
            }
        }
    }

    @Test("the one-line causal mask is reported as too short to judge, not scored")
    func causalMaskTooShort() throws {
        let rows = try Self.report.get().rows.filter { $0.piece == "causal-mask" }
        #expect(rows.count == 1)
        #expect(rows.first?.kind == .piece)
        #expect(rows.first?.score == nil)
        #expect(rows.first?.note.hasPrefix("too short to judge") == true)
    }

    @Test("every pair of students and every student against the reference has a row, per scored piece")
    func everyPair() throws {
        let rows = try Self.report.get().rows.filter { $0.piece == "vit-attention" }
        #expect(rows.filter { $0.kind == .reference }.map(\.first).sorted() == ["ines", "omar", "renamed-copy", "yuki"])
        #expect(rows.filter { $0.kind == .pair }.count == 6)
    }

    @Test("similarity.csv has a header and one line per row; the summary lists only pairs above the threshold")
    func csvAndSummary() throws {
        let report = try Self.report.get()
        let lines = report.csv().split(separator: "\n")
        #expect(lines.first == "piece,kind,first,second,score,shared,first_fingerprints,second_fingerprints,note")
        #expect(lines.count == report.rows.count + 1)
        #expect(lines.contains("vit-attention,reference,renamed-copy,reference,1.000,37,37,37,"))
        let summary = report.summary(threshold: 0.6)
        #expect(summary.count == 2)  // only the copy, on every piece long enough to judge
        #expect(summary.last == "  renamed-copy ~ the reference: scaled-dot-product-attention 1.00, patch-embedding 1.00, "
            + "vit-attention 1.00, vlm-mask 1.00, vision-projection 1.00, vlm-attention 1.00")
        #expect(report.summary(threshold: 1.01) == ["similar code: no pair scores 1.01 or more (similarity.csv)"])
    }

    @Test("a copy padded with a megabyte of other code still scores high; only the piece's first 256 KiB are read")
    func paddedCopy() throws {
        let folder = try CoursePaths.scratch("similarity-padded"), student = folder.appendingPathComponent("padder")
        try Corpus.solved(student)
        let file = student.appendingPathComponent("Part3/VLMMask.swift")
        let padding = (0..<40_000).map { "        let v\($0) = x.m\($0)(\($0))" }.joined(separator: "\n")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "        return mask\n", with: "        return mask\n" + padding + "\n")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(text.utf8.count > 1 << 20)
        let report = try SimilarityRun.write(entries: [SubmissionEntry(student: "padder", url: student, kind: .folder)],
                                             courseRoot: CoursePaths.root, out: folder,
                                             scratch: folder.appendingPathComponent("scratch"))
        let row = try #require(report.rows.first { $0.piece == "vlm-mask" && $0.kind == .reference })
        #expect(row.score == 1)
        // About 35 000 from the first 256 KiB; the whole 1.3 MB would give about five times as many.
        #expect(row.firstFingerprints > 20_000 && row.firstFingerprints < 50_000, "\(row.firstFingerprints)")
    }

    @Test("a piece missing from a submission is noted, not scored")
    func missingPiece() {
        let reference = "let value = x.matmul(y).softmax(axis: -1).transposed(1, 2).reshaped(a, b, c) + z.sum(axis: 0)"
        let report = SimilarityReport([SimilarityReport.Piece(id: "p", reference: reference, stub: "",
                                                              students: [("ana", nil), ("ben", reference)])])
        let row = report.rows.first { $0.kind == .pair }
        #expect(row?.score == nil)
        #expect(row?.note == "not in the submission of ana")
        #expect(report.rows.first { $0.kind == .reference && $0.first == "ben" }?.score == 1)
    }

    @Test("grade writes similarity.csv and lists similar pairs; the learners' own reports never mention it")
    func inTheClass() throws {
        let graded = try GradedClass.get()
        for author in Corpus.similarityAuthors {
            #expect(try graded.grade(author).score == 70, "\(author)'s solutions should all pass")
        }
        let csv = try String(contentsOf: graded.out.appendingPathComponent("similarity.csv"), encoding: .utf8)
        #expect(csv.contains("\nvit-attention,reference,renamed-copy,reference,1.000,"))
        #expect(csv.contains("\ncausal-mask,piece,,,,"))
        #expect(!csv.contains(",twice,") && !csv.contains(",notes.txt,"))
        #expect(graded.summary.contains("similar code: "))
        #expect(graded.summary.contains("more pairs"))
        for folder in ["feedback", "gradescope"] {
            let url = graded.out.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
                let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8).lowercased()
                #expect(!text.contains("similar") && !text.contains("fingerprint"), "\(folder)/\(name)")
            }
        }
    }
}
