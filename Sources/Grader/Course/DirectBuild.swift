import Contracts
import Foundation

/// The fast path of `check`: compiles only the learner's exercise files, with `swiftc` in one job,
/// into a small check runner linked against the objects a previous `swift build` left for
/// TensorKernels (C), TensorKit, Contracts, Solutions and Grader. It skips SwiftPM's fixed cost and the relink of the
/// whole CLI (see `scripts/measure-check-loop`).
///
/// Used only while those objects are newer than their sources; otherwise `CourseBuild` (SwiftPM)
/// runs, which also brings them up to date for next time.
public enum DirectBuild {
    static let libraries = ["TensorKernels", "TensorKit", "Contracts", "Solutions", "Grader"]

    /// The module maps of the C modules that TensorKit imports, relative to the course root; every
    /// compile against TensorKit's module needs them.
    public static let cModuleMaps = ["Sources/COpenBLAS/module.modulemap", "Sources/TensorKernels/include/module.modulemap"]

    /// The runner's `main.swift`, generated from the catalog's type names: it is compiled in the same
    /// module as the learner's files, so it names their types directly.
    static let runnerMain = """
        import Contracts
        import Grader

        CheckChild.runFromCommandLine(Array(CommandLine.arguments.dropFirst()),
                                      learner: \(Implementations.initializerCall()))

        """

    /// Builds the runner; `nil` when the prebuilt objects are missing or stale.
    public static func run(_ root: CourseRoot) -> (outcome: BuildOutcome, runner: String)? {
        let products = root.file(".build/debug")
        guard libraries.allSatisfy({ isCurrent($0, root: root, products: products) }) else { return nil }
        let folder = root.file(".build/vlm-course-check")
        let main = folder.appendingPathComponent("main.swift"), runner = folder.appendingPathComponent("runner")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if (try? String(contentsOf: main, encoding: .utf8)) != runnerMain {
                try runnerMain.write(to: main, atomically: true, encoding: .utf8)
            }
        } catch {
            return nil
        }
        let objects = libraries.flatMap { objectFiles(of: $0, root: root, products: products) ?? [] }
        let sources = files(in: root.file("Sources/Exercises"), suffix: ".swift").sorted()
        let arguments = ["swiftc", "-Onone", "-wmo", "-swift-version", "6", "-module-name", "LearnerCheck",
                         "-I", products.appendingPathComponent("Modules").path]
            + cModuleMaps.flatMap { ["-Xcc", "-fmodule-map-file=" + root.file($0).path] }
            + sources + [main.path] + objects + ["-lopenblas", "-use-ld=lld", "-o", runner.path]
        // One argument per line, for scripts/measure-check-loop and for anyone debugging the fast path.
        try? arguments.joined(separator: "\n").write(to: folder.appendingPathComponent("build-command.txt"),
                                                     atomically: true, encoding: .utf8)
        guard let outcome = try? ChildProcess.run("/usr/bin/env", arguments, environment: ProcessInfo.processInfo.environment,
                                                  timeout: 300, outputCap: 262_144) else { return nil }
        guard outcome.termination == .exited(0) else {
            return (BuildOutcome(status: .failed, errors: CourseBuild.errors(in: outcome.stdout + outcome.stderr, root: root)),
                    runner.path)
        }
        return (BuildOutcome(status: .succeeded), runner.path)
    }

    /// The library's objects exist and none of its sources is newer than its newest object.
    private static func isCurrent(_ library: String, root: CourseRoot, products: URL) -> Bool {
        guard let objects = objectFiles(of: library, root: root, products: products), !objects.isEmpty,
              objects.allSatisfy(FileManager.default.fileExists) else { return false }
        let built = objects.compactMap(modified).max() ?? .distantPast
        let edited = sources(of: library, root: root).compactMap(modified).max() ?? .distantFuture
        return edited <= built
    }

    /// The library's Swift sources, or for a C library its `.c` and `.h` files.
    private static func sources(of library: String, root: CourseRoot) -> [String] {
        let folder = root.file("Sources/\(library)")
        let swift = files(in: folder, suffix: ".swift")
        return swift.isEmpty ? files(in: folder, suffix: ".c") + files(in: folder, suffix: ".h") : swift
    }

    /// The objects of the library's current sources: from SwiftPM's `output-file-map.json` for a
    /// Swift library (a folder listing would also pick up objects left behind by renamed or deleted
    /// files), `<name>.c.o` beside it for each source of a C library.
    private static func objectFiles(of library: String, root: CourseRoot, products: URL) -> [String]? {
        let folder = products.appendingPathComponent("\(library).build").resolvingSymlinksInPath()
        let cSources = files(in: root.file("Sources/\(library)"), suffix: ".c")
        if !cSources.isEmpty {
            return cSources.map { folder.appendingPathComponent(URL(fileURLWithPath: $0).lastPathComponent + ".o").path }.sorted()
        }
        let map = products.appendingPathComponent("\(library).build/output-file-map.json").resolvingSymlinksInPath()
        guard let data = try? Data(contentsOf: map),
              let entries = (try? JSONSerialization.jsonObject(with: data)) as? [String: [String: String]]
        else { return nil }
        return entries.compactMap { source, outputs in source.isEmpty ? nil : outputs["object"] }.sorted()
    }

    private static func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    private static func files(in folder: URL, suffix: String) -> [String] {
        let folder = folder.resolvingSymlinksInPath()
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(suffix) }
            .map { folder.appendingPathComponent($0).path }
    }
}
