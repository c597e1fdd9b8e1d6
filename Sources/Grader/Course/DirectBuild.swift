import Contracts
import Foundation

/// The fast path of the learner's runner (`LearnerRunner`): compiles only the learner's exercise files
/// and a generated `main.swift`, with `swiftc` in one job, linked with lld against the objects a previous
/// `swift build` left for the course libraries. It skips SwiftPM's fixed cost (see
/// `scripts/measure-check-loop`). A learner file that does not compile is swapped for its stub
/// (`StubSwap`), so the other pieces still build and are graded.
///
/// Used only while those objects are newer than their sources; otherwise SwiftPM runs, which also
/// brings them up to date for next time.
public enum DirectBuild {
    /// The libraries a runner of each kind links, C kernels first.
    static func libraries(_ kind: LearnerRunner.Kind) -> [String] {
        let checks = ["TensorKernels", "TensorKit", "Contracts", "Solutions", "Grader"]
        return kind == .checks ? checks : checks + ["Images", "Figures", "Models", "Demos"]
    }

    /// The module maps of the C modules the libraries import, relative to the course root; every
    /// compile against TensorKit's module needs the first two, one against Figures all of them.
    public static let cModuleMaps = ["Sources/COpenBLAS/module.modulemap", "Sources/TensorKernels/include/module.modulemap"]
    static let figureModuleMaps = ["Sources/CCairo/module.modulemap", "Sources/CPNG/module.modulemap",
                                   "Sources/CJPEG/module.modulemap"]

    /// Where the runner of `kind` is written.
    public static func runner(_ root: CourseRoot, kind: LearnerRunner.Kind) -> URL {
        root.file(".build/vlm-course-check").appendingPathComponent(kind == .checks ? "runner" : "figure-runner")
    }

    /// Builds the runner; `nil` when the prebuilt objects are missing or stale.
    public static func run(_ root: CourseRoot, kind: LearnerRunner.Kind = .checks) -> (outcome: BuildOutcome, runner: String)? {
        let products = root.file(".build/debug")
        guard libraries(kind).allSatisfy({ isCurrent($0, root: root, products: products) }) else { return nil }
        let runner = runner(root, kind: kind)
        let folder = runner.deletingLastPathComponent()
        // Top-level code must be in a file named main.swift: one folder per kind.
        let main = folder.appendingPathComponent(kind == .checks ? "main.swift" : "figures/main.swift")
        let source = LearnerRunner.mainSource(kind)
        do {
            try FileManager.default.createDirectory(at: main.deletingLastPathComponent(), withIntermediateDirectories: true)
            if (try? String(contentsOf: main, encoding: .utf8)) != source {
                try source.write(to: main, atomically: true, encoding: .utf8)
            }
        } catch {
            return nil
        }
        let objects = libraries(kind).flatMap { objectFiles(of: $0, root: root, products: products) ?? [] }
        var arguments = ["swiftc", "-Onone", "-wmo", "-swift-version", "6", "-module-name", "LearnerCheck",
                         "-I", products.appendingPathComponent("Modules").path]
        arguments += (cModuleMaps + (kind == .figures ? figureModuleMaps : [])).flatMap { ["-Xcc", "-fmodule-map-file=" + root.file($0).path] }
        if kind == .figures { arguments += ["-Xcc", "-I/usr/include/cairo"] }
        let link = [main.path] + objects + ["-lopenblas"] + (kind == .figures ? ["-lcairo", "-lpng16", "-ljpeg"] : [])
            + ["-use-ld=lld", "-o", runner.path]
        let learnerFiles = files(in: root.file("Sources/Exercises"), suffix: ".swift").sorted()
        let outcome = StubSwap.compile(learnerFiles, root: root) { sources in
            let command = arguments + sources + link
            // One argument per line, for scripts/measure-check-loop and for anyone debugging the fast path.
            try? command.joined(separator: "\n").write(to: main.deletingLastPathComponent().appendingPathComponent("build-command.txt"),
                                                       atomically: true, encoding: .utf8)
            return try? ChildProcess.run("/usr/bin/env", command, environment: ProcessInfo.processInfo.environment,
                                         timeout: 300, outputCap: 262_144)
        }
        return outcome.map { ($0, runner.path) }
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

    static func files(in folder: URL, suffix: String) -> [String] {
        let folder = folder.resolvingSymlinksInPath()
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(suffix) }
            .map { folder.appendingPathComponent($0).path }
    }
}
