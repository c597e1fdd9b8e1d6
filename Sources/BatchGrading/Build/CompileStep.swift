import Foundation
import Grader

/// One compiler step of `StudentBuild`: the command in the compile sandbox, and its verdict. When
/// the code imports a system module the warm, read-only module cache lacks, the step runs once
/// more with a private cache in the student's scratch (slower: the cache is built from scratch).
struct CompileStep {
    let build: StudentBuild
    let submission: PreparedSubmission
    let work: URL
    let worker: Int

    /// nil when the step succeeded, else why it stopped.
    func run(_ arguments: [String]) -> CompilerVerdict? {
        var outcome: ChildProcess.Outcome
        do {
            outcome = try execute(arguments, scratch: [])
            let shared = build.artifacts.moduleCache.path
            if CompilerVerdict.needsPrivateCache(output: outcome.stdout + outcome.stderr, moduleCache: shared) {
                let own = work.appendingPathComponent("module-cache")
                try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
                outcome = try execute(arguments.map { $0 == shared ? own.path : $0 }, scratch: [own])
            }
        } catch {
            return .grader("the compiler could not be started: \(error)")
        }
        guard outcome.termination != .exited(0) else { return nil }
        let sources = Set(submission.files + submission.missing.map { "_stubs/\($0)" }
            + [build.artifacts.runnerSource.lastPathComponent])
        let prefixes = [submission.sourceFolder.path + "/", build.artifacts.runnerSource.deletingLastPathComponent().path + "/"]
        return CompilerVerdict.of(outcome.termination, output: outcome.stdout + "\n" + outcome.stderr,
                                  limits: build.sandbox.limits, sources: sources, prefixes: prefixes, lowSpace: lowSpace)
    }

    private func execute(_ arguments: [String], scratch extra: [URL]) throws -> ChildProcess.Outcome {
        let temporary = work.appendingPathComponent("tmp")
        let scratch = ["module", "bin"].map { work.appendingPathComponent($0) } + [temporary] + extra
        let command = build.sandbox.command(build.compiler, arguments, sources: submission.sourceFolder, scratch: scratch,
                                            temporary: temporary, worker: worker)
        return try ChildProcess.run(command[0], Array(command.dropFirst()),
                                    environment: build.sandbox.environment(temporary: temporary),
                                    timeout: TimeInterval(build.sandbox.limits.wallSeconds), outputCap: 65_536)
    }

    /// Why the free space in the work folder is too little for a build, if it is.
    private func lowSpace() -> String? {
        guard let free = SpacePreflight.free(at: work), free.bytes < build.minimumFree else { return nil }
        return "the disk is full or nearly: \(SpacePreflight.mebibytes(free.bytes)) free in \(work.path), "
            + "a build needs about \(SpacePreflight.mebibytes(build.minimumFree))"
    }
}
