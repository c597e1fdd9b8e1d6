@testable import BatchGrading
import Foundation
import Testing

/// Two entries of the submissions folder with one student name: both reported, neither graded.
@Suite("Two entries with one student name")
struct ClashTests {
    @Test("entries that name the same student become one clash naming all of them; the others are untouched")
    func scan() throws {
        let folder = try CoursePaths.scratch("clash-scan")
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["ana.zip", "ana.tar.gz", "ben.zip", "carl.tgz", "eve.zip", "eve.TGZ", "notes.txt"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        for name in ["ben", "eve", "dora"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let entries = try SubmissionEntry.scan(folder)
        #expect(entries.map(\.student) == ["ana", "ben", "carl", "dora", "eve", "notes.txt"])
        #expect(entries.map(\.kind) == [.clash, .clash, .tarGz, .folder, .clash, .unsupported])
        #expect(entries.map(\.clashingEntries) == [["ana.tar.gz", "ana.zip"], ["ben", "ben.zip"], [], [],
                                                   ["eve", "eve.TGZ", "eve.zip"], []])
    }

    @Test("a clash is refused before anything is unpacked, with every entry named")
    func refused() throws {
        let work = try CoursePaths.scratch("clash-prepare")
        defer { try? FileManager.default.removeItem(at: work) }
        let entry = SubmissionEntry(student: "ana", url: work.appendingPathComponent("ana.zip"), kind: .clash,
                                    clashingEntries: ["ana.tar.gz", "ana.zip"])
        let error = #expect(throws: PreparedSubmission.Clash.self) {
            _ = try PreparedSubmission.prepare(entry, stubs: CoursePaths.stubs, work: work.appendingPathComponent("w"))
        }
        #expect(error?.description == "2 entries are named “ana”: “ana.tar.gz”, “ana.zip”; none of them is graded. "
            + "Keep one, or rename the others (one name is one student), and grade again")
    }

    @Test("in a graded class: one rejected row naming both entries, 0 points, and the summary lists it")
    func graded() throws {
        let graded = try GradedClass.get()
        let grade = try graded.grade("twice")
        #expect(grade.outcome == .rejected)
        #expect(grade.score == 0)
        #expect(grade.messages.first?.contains("“twice”, “twice.tar.gz”") == true)
        #expect(grade.pieces.allSatisfy { $0.status == "rejected" })
        #expect(graded.summary.split(separator: "\n").contains { $0.hasPrefix("could not be read") && $0.contains("twice") })
    }
}
