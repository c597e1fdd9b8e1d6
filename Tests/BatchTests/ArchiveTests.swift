@testable import BatchGrading
import Foundation
import Testing

/// Unpacking: paths stay inside, links are skipped, sizes are capped.
@Suite("Archive unpacking")
struct ArchiveTests {
    @Test("entry names that leave the folder are refused", arguments: [
        ("../x.swift", nil), ("/etc/passwd", nil), ("a/../../x", nil), ("", nil), (".", nil),
        ("./Part1/CausalMask.swift", "Part1/CausalMask.swift"), ("Part1\\CausalMask.swift", "Part1/CausalMask.swift"),
        ("..\\..\\x.swift", nil),
    ] as [(String, String?)])
    func safePaths(name: String, expected: String?) {
        #expect(SafePath.relative(name) == expected)
    }

    @Test("a tar.gz over the byte cap is rejected, and nothing beyond the cap is written")
    func byteCap() throws {
        let scratch = try CoursePaths.scratch("archive-cap")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let staging = scratch.appendingPathComponent("staging")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data(repeating: 65, count: 300_000).write(to: staging.appendingPathComponent("big.swift"))
        let archive = scratch.appendingPathComponent("big.tar.gz")
        try Corpus.run("/usr/bin/tar", ["-czf", archive.path, "-C", staging.path, "big.swift"])
        var limits = ArchiveExtractor.Limits()
        limits.maxTotalBytes = 100_000
        let destination = scratch.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        #expect(throws: ArchiveExtractor.Failure.tooLarge("more than 100000 bytes unpacked")) {
            _ = try ArchiveExtractor(limits: limits).extract(archive, into: destination)
        }
        let written = try FileManager.default.attributesOfItem(atPath: destination.appendingPathComponent("big.swift").path)
        #expect((written[.size] as? Int ?? .max) <= 100_000)
    }

    @Test("a file count over the cap is rejected")
    func fileCap() throws {
        let scratch = try CoursePaths.scratch("archive-count")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let staging = scratch.appendingPathComponent("staging")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        for index in 0..<5 { try Data("// \(index)\n".utf8).write(to: staging.appendingPathComponent("f\(index).swift")) }
        let archive = scratch.appendingPathComponent("many.tar.gz")
        try Corpus.run("/usr/bin/tar", ["-czf", archive.path, "-C", staging.path, "."])
        var limits = ArchiveExtractor.Limits()
        limits.maxFiles = 3
        let destination = scratch.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        #expect(throws: ArchiveExtractor.Failure.tooLarge("more than 3 files")) {
            _ = try ArchiveExtractor(limits: limits).extract(archive, into: destination)
        }
    }

    @Test("a file that is not an archive is reported as unreadable")
    func notAnArchive() throws {
        let scratch = try CoursePaths.scratch("archive-junk")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let junk = scratch.appendingPathComponent("junk.zip")
        try Data("this is not a zip".utf8).write(to: junk)
        let destination = scratch.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        #expect(throws: ArchiveExtractor.Failure.self) { _ = try ArchiveExtractor().extract(junk, into: destination) }
    }

    @Test("the content hash ignores line endings and file order, not content")
    func contentHash() throws {
        let scratch = try CoursePaths.scratch("hash")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bin = scratch.appendingPathComponent("h.bin")
        let unix = try ContentHash.of([("a.swift", Data("x\ny\n".utf8)), ("b.swift", Data("z".utf8))], scratch: bin)
        let windows = try ContentHash.of([("b.swift", Data("z".utf8)), ("a.swift", Data("x\r\ny\r\n".utf8))], scratch: bin)
        let changed = try ContentHash.of([("a.swift", Data("x\ny\n".utf8)), ("b.swift", Data("w".utf8))], scratch: bin)
        #expect(unix == windows)
        #expect(unix != changed)
        #expect(unix.count == 64)
    }
}
