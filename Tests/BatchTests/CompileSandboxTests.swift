@testable import BatchGrading
import Foundation
import Testing

/// The compiler runs in the sandbox: no network, nothing writable but the student's scratch
/// folders. Swift runs no code at build time without plugins, so a stand-in for the compiler
/// tries what a hostile one would; the same stand-in without the sandbox shows each try can work.
@Suite("Compiler sandbox")
struct CompileSandboxTests {
    @Test("the compiler reaches no network and writes nowhere but its scratch folders")
    func contained() throws {
        let scratch = try CoursePaths.scratch("compile-sandbox")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let work = scratch.appendingPathComponent("out/.work"), submissions = scratch.appendingPathComponent("submissions")
        try Corpus.solved(submissions.appendingPathComponent("s"))
        try Corpus.solved(submissions.appendingPathComponent("other"))
        let artifacts = try CourseArtifacts(root: CoursePaths.root, buildFolder: CoursePaths.buildFolder, work: work)
        let sandbox = try Sandbox(launcherFolder: work, hidden: [submissions, scratch.appendingPathComponent("out")],
                                  cgroups: nil)
        let folder = work.appendingPathComponent("students/s")
        let submission = try PreparedSubmission.prepare(
            SubmissionEntry(student: "s", url: submissions.appendingPathComponent("s"), kind: .folder),
            stubs: artifacts.stubs, work: folder)
        let listener = try Listener()
        defer { listener.close() }
        let escapes = [CoursePaths.root.appendingPathComponent(".compiler-escape-\(getpid())"),
                       scratch.appendingPathComponent("out/escape"), URL(fileURLWithPath: "/tmp/.compiler-escape-\(getpid())")]
        let double = scratch.appendingPathComponent("double/swiftc")
        try CompilerDouble.write(to: double, port: listener.port, report: folder.appendingPathComponent("module/report"),
                                 sources: submission.sourceFolder, other: submissions.appendingPathComponent("other"),
                                 escapes: escapes)

        func attempt(_ compiling: CompileSandbox) throws -> [String: String] {
            var build = StudentBuild(artifacts: artifacts, sandbox: compiling)
            build.compiler = double.path
            _ = build.build(submission, work: folder, worker: 0)
            let report = try String(contentsOf: folder.appendingPathComponent("module/report"), encoding: .utf8)
            return Dictionary(uniqueKeysWithValues: report.split(separator: "\n").map {
                let parts = $0.split(separator: "=")
                return (String(parts[0]), String(parts[1]))
            })
        }
        let readable = artifacts.compilerReadable + [double.deletingLastPathComponent()]
        let inside = try attempt(sandbox.compiling(readable: readable, limits: CompileLimits()))
        // A course under /tmp (a CI clone) lies in the sandbox's private /tmp: the write lands there, not here.
        let courseInTmp = CoursePaths.root.path.hasPrefix("/tmp/")
        #expect(inside == ["network": "no", "sources": "no", "other": "no", "escape0": courseInTmp ? "yes" : "no",
                           "escape1": "yes", "escape2": "yes", "scratch": "yes"])
        // Writes into the hidden output folder and /tmp land in the sandbox's own tmpfs, not here.
        #expect(escapes.allSatisfy { !FileManager.default.fileExists(atPath: $0.path) })

        let outside = try attempt(Sandbox.disabled.compiling(readable: readable, limits: CompileLimits()))
        defer { escapes.forEach { try? FileManager.default.removeItem(at: $0) } }
        #expect(outside == ["network": "yes", "sources": "yes", "other": "yes", "escape0": "yes", "escape1": "yes",
                            "escape2": "yes", "scratch": "yes"])
        #expect(escapes.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
    }
}

/// A stand-in for `swiftc`: it tries to connect to `port` on the loopback, append to the student's
/// sources, read another student's file, and write each of `escapes` and a file in its scratch
/// folder, and writes `name=yes|no` for each to `report`.
enum CompilerDouble {
    static func write(to url: URL, port: UInt16, report: URL, sources: URL, other: URL, escapes: [URL]) throws {
        var tries = [("network", "exec 3<>/dev/tcp/127.0.0.1/\(port)"),
                     ("sources", "echo '// x' >> '\(sources.path)/Part1/CausalMask.swift'"),
                     ("other", "cat '\(other.path)/Part1/CausalMask.swift' > /dev/null")]
        tries += escapes.enumerated().map { ("escape\($0)", "echo x > '\($1.path)'") }
        tries.append(("scratch", "echo x > '\(report.deletingLastPathComponent().path)/written'"))
        let body = tries.map { name, command in
            "if bash -c \"\(command.replacingOccurrences(of: "\"", with: "\\\""))\" 2>/dev/null; then echo \(name)=yes; "
                + "else echo \(name)=no; fi"
        }
        let script = "#!/bin/bash\n{\n" + body.joined(separator: "\n") + "\n} > '\(report.path)'\nexit 0\n"
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try script.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }
}

/// A TCP socket listening on 127.0.0.1 (an ephemeral port) in the tests' network namespace.
final class Listener {
    let fd: Int32
    let port: UInt16

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard fd >= 0, bound else { throw CorpusError("cannot listen on 127.0.0.1: \(String(cString: strerror(errno)))") }
        self.fd = fd
        port = UInt16(bigEndian: address.sin_port)
    }

    func close() { Glibc.close(fd) }
}
