import Foundation
import Grader

/// The runner's `main.swift` compiled once per batch, against the interface of the pristine stubs.
///
/// Its object names the catalog's types only by symbol, so it links with any student's `Exercises`
/// object whose types keep their kind (enum or class) and their conformances — the usual case,
/// which then costs a link instead of a compile plus a link. When the link fails, `StudentBuild`
/// compiles `main.swift` against the student's own module instead (that is also what explains
/// a renamed type or a lost conformance in compiler words).
enum RunnerObject {
    /// The object, or nil when it cannot be built here (every student then compiles the runner).
    static func build(_ artifacts: CourseArtifacts, into folder: URL) -> URL? {
        let stubModule = folder.appendingPathComponent("stub-module"), object = folder.appendingPathComponent("main.o")
        let stubs = FileManager.default.enumerator(at: artifacts.stubs, includingPropertiesForKeys: nil)?
            .compactMap { ($0 as? URL)?.path }.filter { $0.hasSuffix(".swift") } ?? []
        guard !stubs.isEmpty,
              (try? FileManager.default.createDirectory(at: stubModule, withIntermediateDirectories: true)) != nil else { return nil }
        let emit = artifacts.swiftc + ["-wmo", "-parse-as-library", "-module-name", "Exercises", "-I", artifacts.studentModules.path,
                                       "-emit-module", "-emit-module-path",
                                       stubModule.appendingPathComponent("Exercises.swiftmodule").path] + stubs
        let compile = artifacts.swiftc + ["-module-name", "BatchRunner", "-I", stubModule.path, "-I", artifacts.runnerModules.path,
                                          "-c", artifacts.runnerSource.path, "-o", object.path]
        for step in [emit, compile] {
            guard let outcome = try? ChildProcess.run("/usr/bin/env", step, environment: ProcessInfo.processInfo.environment,
                                                      timeout: 300, outputCap: 16_384),
                  outcome.termination == .exited(0) else { return nil }
        }
        return object
    }
}
